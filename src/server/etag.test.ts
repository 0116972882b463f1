import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Invalid, PreconditionRequired } from '../domain/errors.js';
import { etagFor, versionFromIfMatch } from './etag.js';

describe('versionFromIfMatch', () => {
  it('requires a precondition when If-Match is missing', () => {
    assert.throws(() => versionFromIfMatch(undefined), PreconditionRequired);
  });

  it('requires a precondition when If-Match is blank', () => {
    assert.throws(() => versionFromIfMatch('  '), PreconditionRequired);
  });

  it('reads the version from a strong ETag', () => {
    assert.equal(versionFromIfMatch('"3"'), 3);
  });

  it('reads the version from a weak ETag', () => {
    assert.equal(versionFromIfMatch('W/"3"'), 3);
  });

  it('reads the first header when the header is repeated', () => {
    assert.equal(versionFromIfMatch(['"4"', '"5"']), 4);
  });

  it('reads back the ETag it writes', () => {
    assert.equal(versionFromIfMatch(etagFor(12)), 12);
  });

  it('refuses garbage as invalid, naming the header', () => {
    assert.throws(
      () => versionFromIfMatch('garbage'),
      (error: unknown) => error instanceof Invalid && error.issues[0]?.field === 'If-Match',
    );
  });

  it('refuses an unquoted version, a wildcard and a list of ETags', () => {
    for (const header of ['3', '*', '"3", "4"', '"abc"']) {
      assert.throws(() => versionFromIfMatch(header), Invalid, header);
    }
  });
});
