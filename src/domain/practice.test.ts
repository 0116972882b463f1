import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PracticeProfileInput, emptyAddress, isTimeZone, isValidNpi } from './practice.js';

describe('isValidNpi', () => {
  it('accepts an NPI whose check digit is right', () => {
    assert.equal(isValidNpi('1234567893'), true);
  });

  it('refuses an NPI whose check digit is wrong', () => {
    assert.equal(isValidNpi('1234567890'), false);
  });

  it('refuses nine digits', () => {
    assert.equal(isValidNpi('123456789'), false);
  });

  it('refuses anything but exactly ten digits', () => {
    assert.equal(isValidNpi('12345678930'), false);
    assert.equal(isValidNpi('123456789a'), false);
    assert.equal(isValidNpi('123 456 7893'), false);
  });
});

describe('isTimeZone', () => {
  it('accepts IANA zone names', () => {
    assert.equal(isTimeZone('America/Toronto'), true);
    assert.equal(isTimeZone('Europe/London'), true);
  });

  it('accepts UTC', () => {
    assert.equal(isTimeZone('UTC'), true);
  });

  it('refuses zone names that do not exist', () => {
    assert.equal(isTimeZone('Mars/Olympus_Mons'), false);
    assert.equal(isTimeZone(''), false);
  });

  it('refuses ambiguous abbreviations such as EST', () => {
    assert.equal(isTimeZone('EST'), false);
  });
});

const minimalProfile = { name: 'Harbour Massage Therapy', timeZone: 'America/Toronto' };

describe('PracticeProfileInput', () => {
  it('accepts a name and time zone alone, filling an empty address', () => {
    const parsed = PracticeProfileInput.parse(minimalProfile);
    assert.equal(parsed.name, 'Harbour Massage Therapy');
    assert.deepEqual(parsed.address, emptyAddress);
    assert.equal(parsed.npi, null);
  });

  it('trims the practice name', () => {
    assert.equal(
      PracticeProfileInput.parse({ ...minimalProfile, name: '  Harbour  ' }).name,
      'Harbour',
    );
  });

  it('refuses a blank practice name', () => {
    const result = PracticeProfileInput.safeParse({ ...minimalProfile, name: '   ' });
    assert.equal(result.success, false);
    assert.deepEqual(
      result.error?.issues.map((issue) => issue.path.join('.')),
      ['name'],
    );
  });

  it('refuses an unknown time zone, naming the field', () => {
    const result = PracticeProfileInput.safeParse({ ...minimalProfile, timeZone: 'Mars/Base' });
    assert.equal(result.success, false);
    assert.deepEqual(
      result.error?.issues.map((issue) => issue.path.join('.')),
      ['timeZone'],
    );
  });

  it('turns empty optional fields into null', () => {
    const parsed = PracticeProfileInput.parse({ ...minimalProfile, email: '', phone: '', npi: '' });
    assert.equal(parsed.email, null);
    assert.equal(parsed.phone, null);
    assert.equal(parsed.npi, null);
  });

  it('lower-cases the email address', () => {
    const parsed = PracticeProfileInput.parse({
      ...minimalProfile,
      email: 'Front@Harbour.Example',
    });
    assert.equal(parsed.email, 'front@harbour.example');
  });

  it('accepts a valid NPI', () => {
    assert.equal(
      PracticeProfileInput.parse({ ...minimalProfile, npi: '1234567893' }).npi,
      '1234567893',
    );
  });

  it('refuses an NPI with a wrong check digit, naming the field', () => {
    const result = PracticeProfileInput.safeParse({ ...minimalProfile, npi: '1234567890' });
    assert.equal(result.success, false);
    assert.deepEqual(
      result.error?.issues.map((issue) => issue.path.join('.')),
      ['npi'],
    );
  });

  it('refuses a phone number with too few digits', () => {
    const result = PracticeProfileInput.safeParse({ ...minimalProfile, phone: '555-12' });
    assert.equal(result.success, false);
    assert.deepEqual(
      result.error?.issues.map((issue) => issue.path.join('.')),
      ['phone'],
    );
  });
});
