import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NoteContent, noteSearchText, searchExcerpt } from './notes.js';

const noteSaying = (palpation: string): string =>
  noteSearchText(NoteContent.parse({ objective: { palpation } }));

describe('the excerpt shown beside a note search result', () => {
  it('centres on the first word starting with what was searched, in the note’s own spelling', () => {
    const note = noteSaying('Taut band along the medial SCAPULA, (trapezius) tender.');
    assert.equal(searchExcerpt(note, 'scap', 2), '… the medial SCAPULA, (trapezius) tender.');
    assert.equal(searchExcerpt(note, 'trapezius', 1), '… SCAPULA, (trapezius) tender.');
  });

  it('finds accented and unusual letters however the search spells them', () => {
    const note = noteSaying(
      'Zoë reports Nackenschmerz; Ærø trip; Straße café after the naïve ﬁbro flare',
    );
    assert.equal(searchExcerpt(note, 'zoe', 1), 'Zoë reports …');
    assert.equal(searchExcerpt(note, 'aero', 1), '… Nackenschmerz; Ærø trip; …');
    assert.equal(searchExcerpt(note, 'strasse', 0), '… Straße …');
    assert.equal(searchExcerpt(note, 'CAFÉ', 0), '… café …');
    assert.equal(searchExcerpt(note, 'fibro', 0), '… ﬁbro …');
  });

  it('starts at the beginning when no word matches', () => {
    const note = noteSaying('one two three four');
    assert.equal(searchExcerpt(note, 'zzyzx', 1), 'one two …');
  });
});
