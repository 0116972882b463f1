import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  birthDateIssue,
  clientSearchText,
  displayName,
  duplicateReasons,
  searchTerms,
} from './clients.js';

const jose = {
  legalFirstName: 'José',
  legalLastName: 'Núñez',
  dateOfBirth: '1980-05-17',
  phone: '(555) 010-2233',
};

describe('duplicateReasons', () => {
  it('matches the same legal name and birth date whatever the accents and case', () => {
    const existing = { ...jose, legalFirstName: 'jose', legalLastName: 'NUNEZ', phone: null };
    assert.deepEqual(duplicateReasons({ ...jose, phone: null }, existing), ['name_and_birth_date']);
  });

  it('matches the same phone digits however the number is written', () => {
    const existing = {
      legalFirstName: 'Ana',
      legalLastName: 'Lima',
      dateOfBirth: null,
      phone: '555.010.2233',
    };
    assert.deepEqual(duplicateReasons(jose, existing), ['phone']);
  });

  it('gives both reasons when name, birth date and phone all match', () => {
    assert.deepEqual(duplicateReasons(jose, { ...jose, phone: '5550102233' }), [
      'name_and_birth_date',
      'phone',
    ]);
  });

  it('does not match the same name with a different birth date', () => {
    assert.deepEqual(
      duplicateReasons(
        { ...jose, phone: null },
        { ...jose, dateOfBirth: '1981-05-17', phone: null },
      ),
      [],
    );
  });

  it('does not match names alone when the birth date is unknown', () => {
    const unknownBirth = { ...jose, dateOfBirth: null, phone: null };
    assert.deepEqual(duplicateReasons(unknownBirth, unknownBirth), []);
  });

  it('ignores phone numbers shorter than seven digits', () => {
    const candidate = {
      legalFirstName: 'Ana',
      legalLastName: 'Lima',
      dateOfBirth: null,
      phone: '010-223',
    };
    const existing = {
      legalFirstName: 'Bo',
      legalLastName: 'Berg',
      dateOfBirth: null,
      phone: '010223',
    };
    assert.deepEqual(duplicateReasons(candidate, existing), []);
  });

  it('does not match two clients without phones', () => {
    const candidate = {
      legalFirstName: 'Ana',
      legalLastName: 'Lima',
      dateOfBirth: null,
      phone: null,
    };
    const existing = {
      legalFirstName: 'Bo',
      legalLastName: 'Berg',
      dateOfBirth: null,
      phone: null,
    };
    assert.deepEqual(duplicateReasons(candidate, existing), []);
  });
});

describe('searchTerms', () => {
  it('folds the words of a query', () => {
    assert.deepEqual(searchTerms('  José   NÚÑEZ '), ['jose', 'nunez']);
  });

  it('reduces phone-like words to their digits', () => {
    assert.deepEqual(searchTerms('555.010.2233'), ['5550102233']);
    assert.deepEqual(searchTerms('(555) 010-2233'), ['555', '0102233']);
  });

  it('keeps an email address as it is, folded', () => {
    assert.deepEqual(searchTerms('Ana@Example.com'), ['ana@example.com']);
  });

  it('gives no terms for an empty or blank query', () => {
    assert.deepEqual(searchTerms(''), []);
    assert.deepEqual(searchTerms('   '), []);
  });

  it('uses at most six words', () => {
    assert.deepEqual(searchTerms('a b c d e f g h'), ['a', 'b', 'c', 'd', 'e', 'f']);
  });
});

describe('clientSearchText', () => {
  it('holds folded names, email and phone digits', () => {
    const text = clientSearchText({
      legalFirstName: 'José',
      legalLastName: 'Núñez',
      preferredName: 'Pepe',
      email: 'JOSE@example.com',
      phone: '(555) 010-2233',
    });
    assert.equal(text, 'jose nunez pepe jose@example.com 5550102233');
  });

  it('leaves no double spaces where optional fields are missing', () => {
    const text = clientSearchText({
      legalFirstName: 'Ana',
      legalLastName: 'Lima',
      preferredName: null,
      email: null,
      phone: null,
    });
    assert.equal(text, 'ana lima');
  });

  it('contains every term a search for the client would use', () => {
    const text = clientSearchText({ ...jose, preferredName: null, email: null });
    for (const term of searchTerms('nuñez (555) 010-2233')) assert.ok(text.includes(term), term);
  });
});

describe('birthDateIssue', () => {
  const today = '2026-11-27';

  it('accepts no birth date', () => {
    assert.equal(birthDateIssue(null, today), null);
  });

  it('accepts a birth date of today', () => {
    assert.equal(birthDateIssue(today, today), null);
  });

  it('refuses a birth date in the future', () => {
    assert.equal(birthDateIssue('2026-11-28', today), 'Date of birth cannot be in the future.');
  });

  it('refuses a birth date before 1900', () => {
    assert.equal(birthDateIssue('1899-12-31', today), 'Date of birth must be after 1900.');
  });

  it('accepts 1 January 1900', () => {
    assert.equal(birthDateIssue('1900-01-01', today), null);
  });
});

describe('displayName', () => {
  it('uses the preferred name with the legal last name', () => {
    assert.equal(
      displayName({ legalFirstName: 'Margaret', legalLastName: 'Chen', preferredName: 'Peggy' }),
      'Peggy Chen',
    );
  });

  it('falls back to the legal first name', () => {
    assert.equal(
      displayName({ legalFirstName: 'Margaret', legalLastName: 'Chen', preferredName: null }),
      'Margaret Chen',
    );
  });
});
