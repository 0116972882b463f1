import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { usableInNote } from './catalogue.js';

const entries = [
  { key: 'swedish', retiredAt: null },
  { key: 'gua_sha', retiredAt: '2026-11-27T15:00:00.000Z' },
];

describe('usableInNote', () => {
  it('offers every active entry to a new note', () => {
    assert.deepEqual([...usableInNote(entries, [])], ['swedish']);
  });

  it('keeps a retired entry usable in a note that named it already', () => {
    assert.deepEqual([...usableInNote(entries, ['gua_sha'])].sort(), ['gua_sha', 'swedish']);
  });

  it('never offers a retired entry because a note named some other entry', () => {
    assert.deepEqual([...usableInNote(entries, ['swedish', 'cupping'])], ['swedish']);
  });
});
