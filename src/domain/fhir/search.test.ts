import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Invalid } from '../errors.js';
import {
  nameMatches,
  parseBirthDate,
  parsePaging,
  parsePatientReference,
  parsePatientSearch,
  refuseUnsupported,
} from './search.js';

describe('FHIR search parameters', () => {
  it('reads a birth date at the precision given, with its prefix', () => {
    assert.deepEqual(parseBirthDate('1985-04-12'), {
      kind: 'within',
      from: '1985-04-12',
      to: '1985-04-12',
    });
    assert.deepEqual(parseBirthDate('1984-02'), {
      kind: 'within',
      from: '1984-02-01',
      to: '1984-02-29',
    });
    assert.deepEqual(parseBirthDate('ne1985'), {
      kind: 'outside',
      from: '1985-01-01',
      to: '1985-12-31',
    });
    assert.deepEqual(parseBirthDate('lt1985-04'), {
      kind: 'compare',
      operator: '<',
      value: '1985-04-01',
    });
    assert.deepEqual(parseBirthDate('ge1985-04'), {
      kind: 'compare',
      operator: '>=',
      value: '1985-04-01',
    });
    assert.deepEqual(parseBirthDate('gt1985-04'), {
      kind: 'compare',
      operator: '>',
      value: '1985-04-30',
    });
  });

  it('refuses a birth date it cannot read, and a prefix FHIR does not define for dates here', () => {
    for (const value of ['1985-13', '12/04/1985', 'sa1985', 'ap1985-04-12', '1985-02-30']) {
      assert.throws(() => parseBirthDate(value), Invalid, value);
    }
  });

  it('pages 20 at a time by default and at most 100', () => {
    assert.deepEqual(parsePaging({}), { count: 20, offset: 0 });
    assert.deepEqual(parsePaging({ _count: '0', _offset: '40' }), { count: 0, offset: 40 });
    for (const count of ['101', '-1', '2.5', 'ten']) {
      assert.throws(() => parsePaging({ _count: count }), Invalid, count);
    }
    assert.throws(() => parsePaging({ _count: ['1', '2'] }), Invalid);
  });

  it('refuses a parameter it does not support, naming it', () => {
    assert.throws(
      () => refuseUnsupported({ name: 'x', 'name:exact': 'x', _sort: 'name' }, ['name']),
      (error: Invalid) =>
        error.issues.map((issue) => issue.field).join() === 'name:exact,_sort' &&
        /name:exact, _sort/.test(error.message),
    );
    assert.doesNotThrow(() =>
      refuseUnsupported({ name: 'x', _count: '5', _offset: '5', _format: 'json' }, ['name']),
    );
  });

  it('reads the patient of a search as a reference or a bare id, and requires one', () => {
    assert.equal(parsePatientReference({ patient: 'Patient/abc-1' }), 'abc-1');
    assert.equal(parsePatientReference({ patient: 'abc-1' }), 'abc-1');
    assert.throws(() => parsePatientReference({}), Invalid);
    assert.throws(() => parsePatientReference({ patient: 'Patient/a b' }), Invalid);
  });

  it('splits a patient search into folded name words, dates and an identifier', () => {
    assert.deepEqual(
      parsePatientSearch({
        name: ['Zoë  MEJÍA', 'Zo'],
        birthdate: 'ge1980',
        identifier: 'urn:x|42',
      }),
      {
        nameWords: ['zoe', 'mejia', 'zo'],
        birthDates: [{ kind: 'compare', operator: '>=', value: '1980-01-01' }],
        identifier: { system: 'urn:x', value: '42' },
      },
    );
    assert.deepEqual(parsePatientSearch({ identifier: '42' }).identifier, {
      system: null,
      value: '42',
    });
    assert.throws(() => parsePatientSearch({ name: 'ana,bea' }), Invalid);
  });

  it('matches a name the FHIR way: each word begins a part of a name, accents ignored', () => {
    const names = ['Gustavo', 'Mejía-Smith', null];
    assert.ok(nameMatches(['gus', 'mej'], names));
    assert.ok(nameMatches(['smith'], names));
    assert.ok(nameMatches(['mejia-s'], names));
    assert.ok(!nameMatches(['ustavo'], names));
    assert.ok(!nameMatches(['gus', 'lee'], names));
  });
});
