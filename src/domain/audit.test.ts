import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  canonicalAuditContent,
  findChainBreak,
  genesisHash,
  type AuditEntry,
  type AuditEvent,
} from './audit.js';

const sha256 = (content: string) => createHash('sha256').update(content).digest('hex');

const entry: AuditEntry = {
  practiceId: 'practice-1',
  userId: 'user-1',
  role: 'therapist',
  action: 'client.read',
  recordType: 'client',
  recordId: 'client-1',
  clientId: 'client-1',
  ip: '127.0.0.1',
  userAgent: 'test',
  outcome: 'success',
  detail: null,
};

function sealed(content: Omit<AuditEvent, 'hash'>): AuditEvent {
  return { ...content, hash: sha256(canonicalAuditContent(content)) };
}

/** A correctly linked chain of `length` events, seq 1..length. */
function chain(length: number): AuditEvent[] {
  const events: AuditEvent[] = [];
  let prevHash = genesisHash;
  for (let seq = 1; seq <= length; seq += 1) {
    const event = sealed({
      ...entry,
      id: `event-${seq}`,
      seq,
      at: `2026-11-27T15:00:0${seq}.000Z`,
      prevHash,
    });
    events.push(event);
    prevHash = event.hash;
  }
  return events;
}

describe('canonicalAuditContent', () => {
  const event = {
    ...entry,
    id: 'event-1',
    seq: 1,
    at: '2026-11-27T15:00:00.000Z',
    prevHash: genesisHash,
  };

  it('does not depend on the order of keys in the detail, at any depth', () => {
    const one = canonicalAuditContent({
      ...event,
      detail: { b: 1, a: { d: [{ y: 1, x: 2 }], c: 2 } },
    });
    const other = canonicalAuditContent({
      ...event,
      detail: { a: { c: 2, d: [{ x: 2, y: 1 }] }, b: 1 },
    });
    assert.equal(one, other);
  });

  it('does not depend on the order the event’s own fields were written in', () => {
    const reordered = Object.fromEntries(Object.entries(event).reverse()) as typeof event;
    assert.equal(canonicalAuditContent(reordered), canonicalAuditContent(event));
  });

  it('changes when any value changes', () => {
    assert.notEqual(
      canonicalAuditContent({ ...event, outcome: 'denied' }),
      canonicalAuditContent(event),
    );
    assert.notEqual(
      canonicalAuditContent({ ...event, detail: { a: 1 } }),
      canonicalAuditContent({ ...event, detail: { a: 2 } }),
    );
  });

  it('covers the previous event’s hash', () => {
    assert.notEqual(
      canonicalAuditContent({ ...event, prevHash: 'f'.repeat(64) }),
      canonicalAuditContent(event),
    );
  });
});

describe('findChainBreak', () => {
  it('finds nothing wrong in an intact chain', () => {
    assert.equal(findChainBreak(chain(5), sha256), null);
  });

  it('finds nothing wrong in an empty chain', () => {
    assert.equal(findChainBreak([], sha256), null);
  });

  it('reports a changed field as a hash mismatch at that event', () => {
    const events = chain(5);
    events[2] = { ...events[2]!, action: 'client.update' };
    assert.deepEqual(findChainBreak(events, sha256), {
      kind: 'hash_mismatch',
      seq: 3,
      id: 'event-3',
    });
  });

  it('reports a removed middle event as missing, naming the seq it expected', () => {
    const events = chain(5);
    events.splice(2, 1);
    assert.deepEqual(findChainBreak(events, sha256), {
      kind: 'missing_event',
      seq: 4,
      id: 'event-4',
      expectedSeq: 3,
    });
  });

  it('reports a removed first event as missing', () => {
    const events = chain(3).slice(1);
    assert.deepEqual(findChainBreak(events, sha256), {
      kind: 'missing_event',
      seq: 2,
      id: 'event-2',
      expectedSeq: 1,
    });
  });

  it('reports an event rewritten with a recomputed hash as a broken link at the next event', () => {
    const events = chain(5);
    const original = events[1]!;
    const { hash: _hash, ...content } = original;
    events[1] = sealed({ ...content, outcome: 'denied' });
    assert.deepEqual(findChainBreak(events, sha256), {
      kind: 'broken_link',
      seq: 3,
      id: 'event-3',
    });
  });

  it('reports an event relinked to another predecessor as a broken link at that event', () => {
    const events = chain(5);
    const { hash: _hash, ...content } = events[3]!;
    events[3] = sealed({ ...content, prevHash: events[1]!.hash });
    assert.deepEqual(findChainBreak(events, sha256), {
      kind: 'broken_link',
      seq: 4,
      id: 'event-4',
    });
  });

  it('continues from a given starting point, as when verifying page by page', () => {
    const events = chain(6);
    const start = { seq: 3, hash: events[2]!.hash };
    assert.equal(findChainBreak(events.slice(3), sha256, start), null);
  });
});
