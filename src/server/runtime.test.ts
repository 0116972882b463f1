import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { systemRuntime } from './runtime.js';

const uuidV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('systemRuntime.newId', () => {
  it('makes distinct version-7 ids, across many refills of its random pool', () => {
    const ids = Array.from({ length: 5000 }, () => systemRuntime.newId());
    for (const id of ids) assert.match(id, uuidV7);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('makes ids that sort in the order they were made, also within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => systemRuntime.newId());
    assert.deepEqual([...ids].sort(), ids);
  });

  it('stamps each id with the time it was made', () => {
    const before = Date.now();
    const id = systemRuntime.newId();
    const stamped = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    assert.ok(stamped >= before && stamped <= Date.now() + 1, `${stamped} not near ${before}`);
  });
});
