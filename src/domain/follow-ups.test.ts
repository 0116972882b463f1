import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  FollowUpAnswers,
  FollowUpRecord,
  followUpRefusal,
  followUpSummary,
  needsAttention,
  raisesFlag,
} from './follow-ups.js';

/** The fields a refusal names, in order. */
function refusedFields(input: unknown): string[] {
  const result = FollowUpAnswers.safeParse(input);
  assert.equal(result.success, false, 'expected the answers to be refused');
  return result.error!.issues.map((issue) => issue.path.join('.'));
}

describe('follow-up answers', () => {
  it('accepts relief and soreness from 0 to 10 with no reaction', () => {
    const parsed = FollowUpAnswers.parse({ relief: 0, soreness: 10 });
    assert.deepEqual(parsed, { relief: 0, soreness: 10, reactions: [], reactionDetails: null });
  });

  it('refuses scores outside 0 to 10 and fractions, naming the field', () => {
    assert.deepEqual(refusedFields({ relief: 11, soreness: 2 }), ['relief']);
    assert.deepEqual(refusedFields({ relief: 3, soreness: -1 }), ['soreness']);
    assert.deepEqual(refusedFields({ relief: 2.5, soreness: 2 }), ['relief']);
    assert.deepEqual(refusedFields({ relief: '7', soreness: 2 }), ['relief']);
  });

  it('refuses an unknown reaction code', () => {
    assert.deepEqual(refusedFields({ relief: 5, reactions: ['nausea'] }), ['reactions.0']);
  });

  it('asks for words when the reaction is "other"', () => {
    const result = FollowUpAnswers.safeParse({ soreness: 4, reactions: ['other'] });
    assert.equal(result.success, false);
    assert.deepEqual(
      result.error!.issues.map((issue) => [issue.path.join('.'), issue.message]),
      [['reactionDetails', 'Describe the other reaction.']],
    );
    assert.deepEqual(refusedFields({ soreness: 4, reactions: ['other'], reactionDetails: '   ' }), [
      'reactionDetails',
    ]);
    assert.equal(
      FollowUpAnswers.parse({ reactions: ['other'], reactionDetails: 'Dizzy in the evening' })
        .reactionDetails,
      'Dizzy in the evening',
    );
  });

  it('refuses a follow-up that says nothing at all', () => {
    assert.deepEqual(refusedFields({}), ['relief']);
  });

  it('counts a reaction named twice once', () => {
    assert.deepEqual(
      FollowUpAnswers.parse({ reactions: ['headache', 'bruising', 'headache'] }).reactions,
      ['headache', 'bruising'],
    );
  });

  it('needs the session a phone follow-up is about', () => {
    const result = FollowUpRecord.safeParse({ relief: 5 });
    assert.equal(result.success, false);
    assert.deepEqual(
      result.error!.issues.map((issue) => issue.path.join('.')),
      ['sessionId'],
    );
  });
});

describe('the follow-up flag', () => {
  it('is raised by any reaction', () => {
    assert.equal(raisesFlag({ reactions: ['bruising'], soreness: 0 }), true);
  });

  it('is raised by soreness of 7 or more, not 6', () => {
    assert.equal(raisesFlag({ reactions: [], soreness: 7 }), true);
    assert.equal(raisesFlag({ reactions: [], soreness: 6 }), false);
    assert.equal(raisesFlag({ reactions: [], soreness: null }), false);
  });

  it('needs attention until acknowledged', () => {
    const flagged = { reactions: ['headache' as const], soreness: 2 };
    assert.equal(needsAttention({ ...flagged, acknowledgedAt: null }), true);
    assert.equal(needsAttention({ ...flagged, acknowledgedAt: '2026-11-28T10:00:00.000Z' }), false);
    assert.equal(needsAttention({ reactions: [], soreness: 3, acknowledgedAt: null }), false);
  });
});

describe('which sessions can have a follow-up', () => {
  const now = new Date('2026-11-28T15:00:00.000Z');

  it('allows a session that took place', () => {
    for (const status of ['booked', 'in_progress', 'signed', 'amended'] as const) {
      assert.equal(followUpRefusal({ status, startsAt: '2026-11-27T15:00:00.000Z' }, now), null);
    }
  });

  it('refuses a cancelled or no-show session', () => {
    for (const status of ['cancelled', 'no_show'] as const) {
      assert.match(
        followUpRefusal({ status, startsAt: '2026-11-27T15:00:00.000Z' }, now) ?? '',
        /cancelled or no-show/,
      );
    }
  });

  it('refuses a session that has not begun', () => {
    assert.match(
      followUpRefusal({ status: 'booked', startsAt: '2026-11-29T15:00:00.000Z' }, now) ?? '',
      /not taken place/,
    );
  });
});

describe('the follow-up in one line', () => {
  it('names the scores and each reaction', () => {
    assert.equal(
      followUpSummary({ relief: 8, soreness: 7, reactions: ['bruising', 'flare_up'] }),
      'Relief 8/10 · soreness 7/10 · bruising, flare-up of symptoms',
    );
  });

  it('says "no reaction" and leaves out a score not given', () => {
    assert.equal(
      followUpSummary({ relief: null, soreness: 2, reactions: [] }),
      'Soreness 2/10 · no reaction',
    );
  });
});
