import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OptionalEmailAddress, foldForSearch, isCalendarDate, phoneDigits } from './text.js';

describe('foldForSearch', () => {
  it('removes accents so "José Núñez" matches "jose nunez"', () => {
    assert.equal(foldForSearch('José Núñez'), 'jose nunez');
  });

  it('lower-cases every letter', () => {
    assert.equal(foldForSearch('MARÍA O’BRIEN'), 'maria o’brien');
  });

  it('collapses runs of spaces, tabs and newlines into one space and trims the ends', () => {
    assert.equal(foldForSearch('  Ana \t\n  Lima  '), 'ana lima');
  });

  it('folds compatibility characters such as the "ﬁ" ligature to plain letters', () => {
    assert.equal(foldForSearch('Griﬃn'), 'griffin');
  });
});

describe('phoneDigits', () => {
  it('keeps only the digits, so differently written numbers compare equal', () => {
    assert.equal(phoneDigits('(555) 010-2233'), '5550102233');
    assert.equal(phoneDigits('555.010.2233'), '5550102233');
  });

  it('keeps the digits of a country code and an extension', () => {
    assert.equal(phoneDigits('+1 555 010 2233 x12'), '1555010223312');
  });

  it('treats a missing phone as no digits', () => {
    assert.equal(phoneDigits(null), '');
    assert.equal(phoneDigits(undefined), '');
  });
});

describe('isCalendarDate', () => {
  it('accepts an ordinary date written YYYY-MM-DD', () => {
    assert.equal(isCalendarDate('2026-11-27'), true);
  });

  it('accepts 29 February in a leap year', () => {
    assert.equal(isCalendarDate('2024-02-29'), true);
  });

  it('refuses 29 February in a common year', () => {
    assert.equal(isCalendarDate('2023-02-29'), false);
  });

  it('refuses days and months that do not exist', () => {
    assert.equal(isCalendarDate('2023-02-30'), false);
    assert.equal(isCalendarDate('2023-04-31'), false);
    assert.equal(isCalendarDate('2023-13-01'), false);
    assert.equal(isCalendarDate('2023-00-10'), false);
  });

  it('refuses other ways of writing a date', () => {
    assert.equal(isCalendarDate('2023-2-3'), false);
    assert.equal(isCalendarDate('27/11/2026'), false);
    assert.equal(isCalendarDate('2026-11-27T00:00:00Z'), false);
    assert.equal(isCalendarDate(''), false);
  });
});

describe('OptionalEmailAddress', () => {
  it('reads a blank or missing address as null', () => {
    assert.equal(OptionalEmailAddress.parse(''), null);
    assert.equal(OptionalEmailAddress.parse('   '), null);
    assert.equal(OptionalEmailAddress.parse(null), null);
    assert.equal(OptionalEmailAddress.parse(undefined), null);
  });

  it('keeps an address, trimmed and lower-cased', () => {
    assert.equal(OptionalEmailAddress.parse(' Ana@Example.com '), 'ana@example.com');
  });

  it('says what an address looks like when given something else', () => {
    const result = OptionalEmailAddress.safeParse('not an email');
    assert.equal(result.success, false);
    assert.deepEqual(
      result.error?.issues.map((issue) => issue.message),
      ['Must be an email address like name@example.com.'],
    );
  });
});
