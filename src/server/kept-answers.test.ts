import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Db } from '../store/database.js';
import { KeptAnswers } from './kept-answers.js';

/** Stands in for a database: the kept answers only use it as a key. */
const aDatabase = () => ({}) as Db;

describe('kept answers', () => {
  it('builds once per version and serves the kept answer while the version holds', async () => {
    const kept = new KeptAnswers<{ built: number }>({ entries: 10, jsonSize: 1e6 });
    const db = aDatabase();
    let builds = 0;
    const build = async () => ({ built: ++builds });
    const first = await kept.answer(db, 'client-1', 'v1', build);
    assert.deepEqual(first.value, { built: 1 });
    assert.equal(first.json, '{"built":1}');
    assert.equal(await kept.answer(db, 'client-1', 'v1', build), first);
    const moved = await kept.answer(db, 'client-1', 'v2', build);
    assert.deepEqual(moved.value, { built: 2 });
    assert.equal(builds, 2);
  });

  it('keeps answers apart per key and per database', async () => {
    const kept = new KeptAnswers<string>({ entries: 10, jsonSize: 1e6 });
    const [one, two] = [aDatabase(), aDatabase()];
    await kept.answer(one, 'k', 'v', async () => 'one');
    assert.equal((await kept.answer(two, 'k', 'v', async () => 'two')).value, 'two');
    assert.equal((await kept.answer(one, 'other', 'v', async () => 'other')).value, 'other');
    assert.equal((await kept.answer(one, 'k', 'v', async () => 'rebuilt')).value, 'one');
  });

  it('lets the least recently read go first beyond the number of entries', async () => {
    const kept = new KeptAnswers<string>({ entries: 2, jsonSize: 1e6 });
    const db = aDatabase();
    await kept.answer(db, 'a', 'v', async () => 'a');
    await kept.answer(db, 'b', 'v', async () => 'b');
    await kept.answer(db, 'a', 'v', async () => 'a again'); // a is now the most recent
    await kept.answer(db, 'c', 'v', async () => 'c');
    assert.equal((await kept.answer(db, 'a', 'v', async () => 'a rebuilt')).value, 'a');
    assert.equal((await kept.answer(db, 'b', 'v', async () => 'b rebuilt')).value, 'b rebuilt');
  });

  it('lets old answers go when the kept JSON outgrows its size, never the newest', async () => {
    const kept = new KeptAnswers<string>({ entries: 100, jsonSize: 25 });
    const db = aDatabase();
    await kept.answer(db, 'a', 'v', async () => 'x'.repeat(10)); // 12 characters of JSON
    await kept.answer(db, 'b', 'v', async () => 'y'.repeat(10));
    await kept.answer(db, 'c', 'v', async () => 'z'.repeat(10)); // 36 > 25: a goes
    assert.equal((await kept.answer(db, 'b', 'v', async () => 'b rebuilt')).value, 'y'.repeat(10));
    assert.equal((await kept.answer(db, 'a', 'v', async () => 'a rebuilt')).value, 'a rebuilt');
    const huge = await kept.answer(db, 'huge', 'v', async () => 'h'.repeat(100));
    assert.equal((await kept.answer(db, 'huge', 'v', async () => 'again')).value, huge.value);
  });
});
