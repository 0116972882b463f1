import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { buildBriefing, type BriefingInput, type BriefingSectionKey } from './briefing.js';
import type { ClientEffectiveness, EffectivenessRow } from './effectiveness-views.js';
import type { FollowUp } from './follow-ups.js';
import { HealthHistory, emptyHealthHistory } from './health-history.js';
import { NoteContent } from './notes.js';
import type { ClientGoalsView, GoalView } from './outcome-views.js';
import type { SafetyAlert } from './safety.js';

const base: BriefingInput = {
  client: { id: 'client-1', name: 'Nadia Haddad' },
  session: { id: 'session-today', startsAt: '2026-11-30T15:00:00.000Z' },
  history: null,
  alerts: [],
  changes: null,
  consents: null,
  goals: null,
  effectiveness: null,
  lastNote: null,
  followUps: [],
  handoff: null,
};

const section = (briefing: ReturnType<typeof buildBriefing>, key: BriefingSectionKey) =>
  briefing.sections.find((entry) => entry.key === key)!;
const texts = (briefing: ReturnType<typeof buildBriefing>, key: BriefingSectionKey) =>
  section(briefing, key).statements.map((statement) => statement.text);

const lastNote = {
  sessionId: 'session-last',
  serviceDate: '2026-11-23',
  content: NoteContent.parse({
    subjective: { reasonForVisit: 'Neck pain from desk work', painBefore: 6 },
    assessment: { painAfter: 3 },
    plan: { focusNextTime: 'Suboccipitals', homeCare: 'Chin tucks', frequency: 'Weekly' },
  }),
};

const followUp = (overrides: Partial<FollowUp> = {}): FollowUp => ({
  id: 'follow-up-1',
  sessionId: 'session-last',
  clientId: 'client-1',
  relief: 7,
  soreness: 2,
  reactions: [],
  reactionDetails: null,
  source: 'client_link',
  submittedAt: '2026-11-24T10:00:00.000Z',
  acknowledgedAt: null,
  acknowledgedBy: null,
  ...overrides,
});

function row(overrides: Partial<EffectivenessRow>): EffectivenessRow {
  return {
    kind: 'technique',
    key: 'myofascial_release',
    label: 'Myofascial release',
    sessions: { count: 6, sessionIndexes: [0, 1, 2, 3, 4, 5] },
    enough: true,
    relief: { mean: 3, low: 2.5, high: 3.5, sessionIndexes: [0, 2, 4] },
    carryOver: null,
    difference: {
      difference: 2.5,
      low: 1.8,
      high: 3.2,
      withMean: 3,
      withoutMean: 0.5,
      withoutSessionIndexes: [1, 3, 5],
    },
    followUps: null,
    verdict: 'more_relief',
    summary: 'More relief',
    statements: [
      'Pain fell by 3.0 points on average.',
      'Associated with 2.5 more points of relief than this client’s sessions without it (95% CI 1.8 to 3.2).',
    ],
    ...overrides,
  };
}

const effectiveness = (rows: EffectivenessRow[]): ClientEffectiveness => ({
  clientId: 'client-1',
  minimumSessions: 3,
  confidence: 0.95,
  signedSessions: 12,
  sessionsWithPain: 12,
  // Figures refer to sessions by position: s1–s6 are 0–5, a–d are 6–9.
  sessions: ['s1', 's2', 's3', 's4', 's5', 's6', 'a', 'b', 'c', 'd'].map((sessionId, day) => ({
    sessionId,
    serviceDate: `2026-11-${String(day + 10).padStart(2, '0')}`,
  })),
  rows,
});

describe('the pre-session briefing', () => {
  it('says plainly that nothing is known yet for a new client on a first visit', () => {
    const briefing = buildBriefing(base);
    assert.deepEqual(
      briefing.sections.map((entry) => entry.key),
      ['care', 'alerts', 'what_works', 'preferences', 'last_session'],
    );
    for (const entry of briefing.sections) {
      assert.equal(entry.statements.length, 0, entry.key);
      assert.ok(entry.emptyText.length > 0, entry.key);
    }
    assert.match(section(briefing, 'alerts').emptyText, /No health history/);
    assert.match(section(briefing, 'last_session').emptyText, /First visit/);
  });

  it('brings the last plan forward with the follow-up, linked to the session they come from', () => {
    const briefing = buildBriefing({ ...base, lastNote, followUps: [followUp()] });
    assert.deepEqual(texts(briefing, 'last_session'), [
      'Last visit 2026-11-23: pain 6 → 3 of 10.',
      'Focus this time: Suboccipitals',
      'Home care given: Chin tucks',
      'Frequency: Weekly',
      'Follow-up after the last visit: relief 7/10, soreness 2/10.',
    ]);
    const statements = section(briefing, 'last_session').statements;
    assert.ok(statements.every((statement) => statement.source.sessionId === 'session-last'));
    assert.deepEqual(statements.at(-1)!.source, {
      kind: 'follow_up',
      id: 'follow-up-1',
      sessionId: 'session-last',
    });
    assert.equal(statements.at(-1)!.tone, 'good');
    assert.deepEqual(texts(briefing, 'care'), [
      'Reason for care at the last visit: Neck pain from desk work',
    ]);
  });

  it('flags a reaction reported after the last visit, and says when no follow-up came', () => {
    const reacted = buildBriefing({
      ...base,
      lastNote,
      followUps: [
        followUp({ soreness: 8, reactions: ['skin_reaction'], reactionDetails: 'Red rash' }),
      ],
    });
    const last = section(reacted, 'last_session').statements.at(-1)!;
    assert.equal(last.tone, 'danger');
    assert.match(last.text, /soreness 8\/10, skin reaction \(rash, itching\) — “Red rash”/);
    // A follow-up to an older session is not this visit's follow-up.
    const silent = buildBriefing({
      ...base,
      lastNote,
      followUps: [followUp({ sessionId: 'session-older' })],
    });
    assert.equal(
      texts(silent, 'last_session').at(-1),
      'No follow-up was received after the last visit.',
    );
  });

  it('puts alerts, health changes and consent that needs attention together', () => {
    const alert: SafetyAlert = {
      ruleId: 'allergy.tree_nut',
      kind: 'allergy',
      title: 'Tree nut allergy',
      message: 'Use nut-free products.',
      because: 'Tree nuts — anaphylaxis',
      rationale: '',
      source: '',
      regions: [],
      blocking: false,
      scope: 'history',
    } as unknown as SafetyAlert;
    const history = HealthHistory.parse(emptyHealthHistory());
    const briefing = buildBriefing({
      ...base,
      history: { number: 4, history },
      alerts: [alert],
      changes: {
        from: 3,
        to: 4,
        changes: [
          {
            section: 'medications',
            kind: 'added',
            itemId: 'm1',
            field: null,
            label: 'Apixaban',
            before: null,
            after: 'Apixaban',
          },
        ],
        sections: ['medications'],
        lastVisit: { sessionId: 'session-last', serviceDate: '2026-11-23', historyNumber: 3 },
      },
      consents: {
        minor: false,
        treatmentConsentCurrent: false,
        signatures: [],
        entries: [
          {
            kind: 'treatment',
            party: null,
            required: true,
            state: 'expired',
            signature: null,
            currentTextVersion: 1,
            expiresOn: '2026-11-01',
            signerMustBe: 'client',
          },
          {
            kind: 'sensitive_area',
            party: null,
            required: false,
            state: 'missing',
            signature: null,
            currentTextVersion: 1,
            expiresOn: null,
            signerMustBe: 'client',
          },
        ],
      },
    });
    const alerts = section(briefing, 'alerts').statements;
    assert.equal(alerts.length, 3);
    assert.equal(alerts[0]!.tone, 'danger');
    assert.match(alerts[0]!.text, /^Tree nut allergy: Use nut-free products\. \(Tree nuts/);
    assert.match(
      alerts[1]!.text,
      /changed since the last visit on 2026-11-23: Medications \(1 change\)/,
    );
    assert.deepEqual(alerts[1]!.source, { kind: 'health_history', id: '4', sessionId: null });
    // Only consent the practice requires is raised; an optional one never signed is not news.
    assert.equal(alerts[2]!.text, 'Consent to treatment is expired.');
  });

  it('names an alert once when its message already opens with its title', () => {
    const alert = {
      ruleId: 'allergy.tree_nut',
      kind: 'allergy',
      title: 'Tree-nut allergy',
      message: 'Tree-nut allergy: no products with nut oils or butters.',
      because: 'Tree nuts (almond), severe',
    } as unknown as SafetyAlert;
    const briefing = buildBriefing({ ...base, alerts: [alert] });
    assert.equal(
      texts(briefing, 'alerts')[0],
      'Tree-nut allergy: no products with nut oils or butters. (Tree nuts (almond), severe)',
    );
  });

  it('reports what is associated with relief and with reactions, and stays quiet without evidence', () => {
    const withReactions = row({
      kind: 'product',
      key: 'balm',
      label: 'Peppermint balm',
      verdict: 'no_clear_difference',
      followUps: {
        reported: { count: 4, sessionIndexes: [6, 7, 8, 9] },
        reactions: { count: 3, sessionIndexes: [6, 7, 8] },
        highSoreness: { count: 3, sessionIndexes: [6, 7, 8] },
        reactionKinds: { skin_reaction: 3 },
      },
    });
    const briefing = buildBriefing({
      ...base,
      effectiveness: effectiveness([
        row({}),
        row({ key: 'deep_tissue', label: 'Deep tissue', verdict: 'less_relief' }),
        withReactions,
        row({ key: 'swedish', label: 'Swedish', verdict: 'no_clear_difference' }),
      ]),
    });
    const statements = section(briefing, 'what_works').statements;
    assert.deepEqual(
      statements.map((statement) => [statement.tone, statement.text]),
      [
        [
          'good',
          'Myofascial release: Associated with 2.5 more points of relief than this client’s sessions without it (95% CI 1.8 to 3.2).',
        ],
        [
          'caution',
          'Deep tissue: Associated with 2.5 more points of relief than this client’s sessions without it (95% CI 1.8 to 3.2).',
        ],
        [
          'danger',
          'Peppermint balm: reactions reported after 3 of 4 followed-up sessions (Skin reaction (rash, itching) ×3).',
        ],
      ],
    );
    assert.equal(statements[0]!.source.id, 'technique:myofascial_release');
    // The latest session compared: the relief figure's, not merely the latest with it.
    assert.equal(statements[0]!.source.sessionId, 's5');
    assert.equal(statements[2]!.source.sessionId, 'c');

    const sparse = buildBriefing({
      ...base,
      effectiveness: effectiveness([
        row({ enough: false, verdict: 'not_enough_sessions', relief: null, difference: null }),
      ]),
    });
    assert.match(texts(sparse, 'what_works')[0]!, /^Not enough sessions yet/);

    const once = buildBriefing({
      ...base,
      effectiveness: effectiveness([
        row({
          ...withReactions,
          followUps: {
            reported: { count: 1, sessionIndexes: [6] },
            reactions: { count: 1, sessionIndexes: [6] },
            highSoreness: { count: 0, sessionIndexes: [] },
            reactionKinds: { headache: 1 },
          },
        }),
      ]),
    });
    assert.equal(
      texts(once, 'what_works')[0],
      'Peppermint balm: reactions reported after 1 of 1 followed-up session (Headache ×1).',
    );
  });

  it('lists goals with their progress, the plan, preferences and a waiting handoff', () => {
    const goal = {
      id: 'goal-1',
      statement: 'Turn head to drive without pain',
      comparator: 'at_least',
      targetValue: 8,
      status: 'active',
      progress: {
        state: 'improving',
        baseline: { at: '2026-10-01T00:00:00Z', value: 3, sessionId: null },
        latest: { at: '2026-11-23T00:00:00Z', value: 6, sessionId: 'session-last' },
        change: 3,
        towardTarget: 0.6,
        minimalImportantChange: 2,
        scoreCount: 4,
      },
    } as unknown as GoalView;
    const stopped = { ...goal, id: 'goal-2', status: 'stopped' } as GoalView;
    const goals = {
      clientId: 'client-1',
      goals: [goal, stopped],
      plan: {
        clientId: 'client-1',
        number: 2,
        plan: {
          frequency: { sessions: 1, per: 'week' },
          sessionsPlanned: 6,
          focusRegions: ['suboccipitals_r'],
          reEvaluationDate: '2026-12-20',
        },
        recordedAt: null,
        recordedBy: null,
      },
    } as unknown as ClientGoalsView;
    const history = HealthHistory.parse({
      ...emptyHealthHistory(),
      preferences: { pressure: 2, draping: 'Keep feet covered' },
      areasToAvoid: [{ id: randomUUID(), regions: ['calves_l'], reason: 'Varicose veins' }],
    });
    const briefing = buildBriefing({
      ...base,
      goals,
      history: { number: 5, history },
      handoff: {
        id: 'handoff-1',
        clientId: 'client-1',
        fromTherapistId: 'u1',
        fromTherapistName: 'Jonas',
        toTherapistId: 'u2',
        toTherapistName: 'Maya',
        reason: 'Moving to evenings',
        continueWith: 'Myofascial release to the neck',
        avoid: null,
        handedOffBy: 'u0',
        handedOffByName: 'Grace',
        handedOffAt: '2026-11-25T10:00:00Z',
        acknowledgedAt: null,
      },
    });
    assert.equal(briefing.sections[0]!.key, 'handoff');
    assert.deepEqual(texts(briefing, 'handoff'), [
      'Handed over by Jonas: Moving to evenings',
      'Continue: Myofascial release to the neck',
    ]);
    const care = section(briefing, 'care').statements;
    assert.equal(care.length, 2, 'the stopped goal is left out');
    assert.match(
      care[0]!.text,
      /^Goal: Turn head to drive without pain — target ≥ 8, latest 6 \(from 3\): improving\.$/,
    );
    assert.deepEqual(care[0]!.source, { kind: 'goal', id: 'goal-1', sessionId: 'session-last' });
    assert.match(care[1]!.text, /^Plan: .*focus .*re-evaluate on 2026-12-20\.$/);
    assert.deepEqual(texts(briefing, 'preferences'), [
      'Avoid Calves, left: Varicose veins',
      'Preferred pressure: 2 (moderate)',
      'Draping: Keep feet covered',
    ]);
  });
});
