import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rememberingParse } from './parsed-text.js';

describe('rememberingParse', () => {
  it('parses a text once and hands every reader the same frozen value', () => {
    let parses = 0;
    const parse = rememberingParse((text: string) => {
      parses += 1;
      return JSON.parse(text) as { allergies: Array<{ name: string }> };
    });
    const text = '{"allergies":[{"name":"tree nuts"}]}';
    const first = parse(text);
    const second = parse(text);
    assert.equal(parses, 1);
    assert.equal(first, second);
    assert.ok(Object.isFrozen(first.allergies[0]));
    assert.throws(() => first.allergies.push({ name: 'latex' }), TypeError);
    assert.deepEqual(parse('{"allergies":[]}'), { allergies: [] });
    assert.equal(parses, 2);
  });

  it('forgets the least recently read text first when full', () => {
    let parses = 0;
    const parse = rememberingParse((text: string) => {
      parses += 1;
      return { text };
    }, 2);
    parse('a');
    parse('b');
    parse('a'); // "a" is now the most recently read
    parse('c'); // so "b" leaves
    assert.equal(parses, 3);
    parse('a');
    assert.equal(parses, 3);
    parse('b');
    assert.equal(parses, 4);
  });

  it('does not remember a text whose parse fails', () => {
    let parses = 0;
    const parse = rememberingParse((text: string) => {
      parses += 1;
      return JSON.parse(text) as unknown;
    });
    assert.throws(() => parse('{'), SyntaxError);
    assert.throws(() => parse('{'), SyntaxError);
    assert.equal(parses, 2);
  });
});
