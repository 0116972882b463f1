import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RecordPdfRequest, describePeriod, inPeriod, orderedSections } from './record-export.js';

describe('the record export request', () => {
  it('reads a practice copy with open ends as nulls', () => {
    const request = RecordPdfRequest.parse({
      sections: ['notes'],
      recipient: { kind: 'practice' },
    });
    assert.deepEqual(request, {
      sections: ['notes'],
      from: null,
      to: null,
      recipient: { kind: 'practice' },
    });
  });

  it('trims an outside recipient’s words and drops empty ones', () => {
    const request = RecordPdfRequest.parse({
      sections: ['safety'],
      recipient: { kind: 'external', name: ' Dr Anna Berg ', organisation: '', legalReason: '  ' },
    });
    assert.deepEqual(request.recipient, {
      kind: 'external',
      name: 'Dr Anna Berg',
      organisation: null,
      legalReason: null,
    });
  });

  it('refuses a section named twice', () => {
    const result = RecordPdfRequest.safeParse({
      sections: ['notes', 'notes'],
      recipient: { kind: 'practice' },
    });
    assert.equal(result.success, false);
    assert.deepEqual(
      result.error?.issues.map((issue) => issue.path.join('.')),
      ['sections'],
    );
  });

  it('refuses a date that is not a calendar date', () => {
    const result = RecordPdfRequest.safeParse({
      sections: ['notes'],
      from: '2026-02-30',
      recipient: { kind: 'practice' },
    });
    assert.equal(result.success, false);
  });
});

describe('inPeriod', () => {
  it('includes both ends of the period', () => {
    const period = { from: '2026-11-01', to: '2026-11-30' };
    assert.equal(inPeriod('2026-11-01', period), true);
    assert.equal(inPeriod('2026-11-30', period), true);
    assert.equal(inPeriod('2026-10-31', period), false);
    assert.equal(inPeriod('2026-12-01', period), false);
  });

  it('leaves an open end open', () => {
    assert.equal(inPeriod('1999-01-01', { from: null, to: '2026-01-01' }), true);
    assert.equal(inPeriod('2099-01-01', { from: '2026-01-01', to: null }), true);
  });
});

describe('orderedSections and describePeriod', () => {
  it('puts sections in the document’s order', () => {
    assert.deepEqual(orderedSections(['notes', 'profile', 'safety']), [
      'profile',
      'safety',
      'notes',
    ]);
  });

  it('says what period a document covers', () => {
    assert.equal(describePeriod({ from: null, to: null }), 'the whole record');
    assert.equal(describePeriod({ from: '2026-01-01', to: null }), 'from 2026-01-01');
    assert.equal(
      describePeriod({ from: '2026-01-01', to: '2026-03-31' }),
      '2026-01-01 to 2026-03-31',
    );
  });
});
