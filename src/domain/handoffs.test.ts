import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HandoffInput, handoffAwaiting, type Handoff } from './handoffs.js';

function handoff(overrides: Partial<Handoff>): Handoff {
  return {
    id: 'handoff-1',
    clientId: 'client-1',
    fromTherapistId: 'maya',
    fromTherapistName: 'Maya Chen',
    toTherapistId: 'sam',
    toTherapistName: 'Sam Lee',
    reason: 'Maya is on leave',
    continueWith: null,
    avoid: null,
    handedOffBy: 'owner',
    handedOffByName: 'Olive Owner',
    handedOffAt: '2026-11-27T15:00:00.000Z',
    acknowledgedAt: null,
    ...overrides,
  };
}

describe('the handoff awaiting a therapist', () => {
  it('is the newest handoff to them while they have not acknowledged it', () => {
    const newest = handoff({ id: 'handoff-2' });
    assert.equal(handoffAwaiting([newest, handoff({})], 'sam'), newest);
  });

  it('is none once acknowledged', () => {
    assert.equal(
      handoffAwaiting([handoff({ acknowledgedAt: '2026-11-28T09:00:00.000Z' })], 'sam'),
      null,
    );
  });

  it('is none for anyone else', () => {
    assert.equal(handoffAwaiting([handoff({})], 'maya'), null);
  });

  it('is none when the client was handed on again since', () => {
    const onward = handoff({ id: 'handoff-2', fromTherapistId: 'sam', toTherapistId: 'ana' });
    assert.equal(handoffAwaiting([onward, handoff({})], 'sam'), null);
  });
});

describe('a handoff note', () => {
  it('needs a reason', () => {
    const parsed = HandoffInput.safeParse({ toTherapistId: 'sam', reason: '  ' });
    assert.equal(parsed.success, false);
    assert.deepEqual(
      parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message]),
      [['reason', 'Say why the client is handed over.']],
    );
  });

  it('keeps what to continue and avoid optional, empty as null', () => {
    assert.deepEqual(
      HandoffInput.parse({
        toTherapistId: 'sam',
        reason: 'Leave',
        continueWith: ' ',
        avoid: 'Cupping',
      }),
      { toTherapistId: 'sam', reason: 'Leave', continueWith: null, avoid: 'Cupping' },
    );
  });
});
