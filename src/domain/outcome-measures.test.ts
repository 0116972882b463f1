import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  MeasureDefinitionInput,
  builtInMeasures,
  changedDefinitionFields,
  currentDefinition,
  definitionChange,
  psfsMeasureId,
  sameScale,
  valueIssue,
  type MeasureDefinition,
} from './outcome-measures.js';

const headacheDays: MeasureDefinition = {
  number: 1,
  name: 'Headache days',
  unit: 'days a week',
  min: 0,
  max: 7,
  better: 'lower',
  minimalImportantChange: 1,
  decimals: 0,
  question: 'On how many days last week did you have a headache?',
  createdAt: '2026-11-30T10:00:00.000Z',
};
const { number: _n, createdAt: _c, ...headacheInput } = headacheDays;

describe('measure definitions', () => {
  it('accepts a definition with a range, a direction and a minimal important change', () => {
    assert.equal(MeasureDefinitionInput.safeParse(headacheInput).success, true);
  });

  it('refuses a maximum that is not above the minimum', () => {
    const parsed = MeasureDefinitionInput.safeParse({ ...headacheInput, min: 7, max: 7 });
    assert.equal(parsed.success, false);
    assert.deepEqual(
      parsed.error?.issues.map((issue) => issue.path.join('.')),
      ['max'],
    );
  });

  it('refuses a minimal important change wider than the range', () => {
    const parsed = MeasureDefinitionInput.safeParse({
      ...headacheInput,
      minimalImportantChange: 8,
    });
    assert.deepEqual(
      parsed.error?.issues.map((issue) => issue.path.join('.')),
      ['minimalImportantChange'],
    );
  });

  it('refuses a minimal important change of zero', () => {
    const parsed = MeasureDefinitionInput.safeParse({
      ...headacheInput,
      minimalImportantChange: 0,
    });
    assert.equal(parsed.success, false);
  });
});

describe('versioning a definition', () => {
  it('finds no change when every field of meaning is the same', () => {
    assert.deepEqual(changedDefinitionFields(headacheDays, headacheInput), []);
    assert.equal(definitionChange([], true), 'none');
  });

  it('names the fields an edit changes', () => {
    assert.deepEqual(
      changedDefinitionFields(headacheDays, { ...headacheInput, max: 14, unit: null }),
      ['unit', 'max'],
    );
  });

  it('corrects the current version in place while no score uses it', () => {
    assert.equal(definitionChange(['max'], false), 'in_place');
  });

  it('makes a new version once scores were recorded with the current one', () => {
    assert.equal(definitionChange(['max'], true), 'new_version');
  });

  it('puts versions with the same range, direction and unit on one scale', () => {
    assert.equal(sameScale(headacheDays, { ...headacheDays, number: 2, name: 'Headaches' }), true);
    assert.equal(sameScale(headacheDays, { ...headacheDays, number: 2, max: 14 }), false);
    assert.equal(sameScale(headacheDays, { ...headacheDays, number: 2, better: 'higher' }), false);
  });
});

describe('a score’s value', () => {
  it('accepts the ends of the range', () => {
    assert.equal(valueIssue(0, headacheDays), null);
    assert.equal(valueIssue(7, headacheDays), null);
  });

  it('refuses a value outside the range, saying the range', () => {
    assert.equal(valueIssue(8, headacheDays), 'Must be from 0 to 7 days a week.');
    assert.equal(valueIssue(-1, headacheDays), 'Must be from 0 to 7 days a week.');
  });

  it('refuses a fraction where whole numbers are asked for', () => {
    assert.equal(valueIssue(2.5, headacheDays), 'Must be a whole number.');
  });

  it('accepts as many decimal places as the definition allows', () => {
    const hours = { ...headacheDays, max: 24, unit: 'hours', decimals: 1 };
    assert.equal(valueIssue(6.5, hours), null);
    // 0.1 + 0.2 is 0.30000000000000004 in floating point: still one decimal place.
    assert.equal(valueIssue(0.1 + 0.2, hours), null);
    assert.equal(valueIssue(6.25, hours), 'Must have at most 1 decimal place.');
  });
});

describe('built-in measures', () => {
  it('ships the PSFS scored 0–10 per activity, higher better, with an MIC of 2', () => {
    const psfs = builtInMeasures.find((measure) => measure.id === psfsMeasureId)!;
    const definition = currentDefinition(psfs);
    assert.equal(psfs.perActivity, true);
    assert.deepEqual(
      [definition.min, definition.max, definition.better, definition.minimalImportantChange],
      [0, 10, 'higher', 2],
    );
  });
});
