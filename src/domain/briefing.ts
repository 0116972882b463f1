import { z } from 'zod';
import { consentKindLabels, type ConsentState } from './consent.js';
import type { ClientConsentsView } from './consent-views.js';
import {
  sessionIdsAt,
  type ClientEffectiveness,
  type EffectivenessRow,
} from './effectiveness-views.js';
import { reactionLabels, raisesFlag, type FollowUp } from './follow-ups.js';
import { comparatorSymbols, frequencyText } from './goals.js';
import { progressStateLabels } from './goal-progress.js';
import type { Handoff } from './handoffs.js';
import type { HealthHistory } from './health-history.js';
import { healthHistorySectionLabels } from './health-history-diff.js';
import { regionList } from './health-history-labels.js';
import type { ChangesSinceLastVisit } from './health-history-views.js';
import { conversationLabels, musicLabels, temperatureLabels } from './health-history-vocabulary.js';
import { pressureLabels, type NoteContent } from './notes.js';
import type { ClientGoalsView } from './outcome-views.js';
import type { SafetyAlert } from './safety.js';

/**
 * The pre-session briefing: the client's playbook on one screen, read before every session.
 * Every statement is built from a record and carries a link to it, so the therapist can check
 * what a line rests on; nothing is summarised by guesswork, and the same data always gives the
 * same briefing.
 */

export const BriefingSourceKind = z.enum([
  'session',
  'health_history',
  'safety',
  'consent',
  'goal',
  'plan',
  'effectiveness',
  'follow_up',
  'handoff',
]);
export type BriefingSourceKind = z.infer<typeof BriefingSourceKind>;

export const BriefingSource = z.object({
  kind: BriefingSourceKind,
  /** The record's id (goal, follow-up, handoff…); null where the kind names a whole section. */
  id: z.string().nullable(),
  /** The session a statement comes from, for a link to its note. */
  sessionId: z.string().nullable(),
});
export type BriefingSource = z.infer<typeof BriefingSource>;

export const BriefingTone = z.enum(['neutral', 'good', 'caution', 'danger']);
export type BriefingTone = z.infer<typeof BriefingTone>;

export const BriefingStatement = z.object({
  text: z.string(),
  tone: BriefingTone,
  source: BriefingSource,
});
export type BriefingStatement = z.infer<typeof BriefingStatement>;

export const BriefingSectionKey = z.enum([
  'handoff',
  'care',
  'alerts',
  'what_works',
  'preferences',
  'last_session',
]);
export type BriefingSectionKey = z.infer<typeof BriefingSectionKey>;

export const BriefingSection = z.object({
  key: BriefingSectionKey,
  title: z.string(),
  statements: z.array(BriefingStatement),
  /** What to show when there are no statements: absence said plainly, never a blank. */
  emptyText: z.string(),
});
export type BriefingSection = z.infer<typeof BriefingSection>;

export const Briefing = z.object({
  clientId: z.string(),
  clientName: z.string(),
  sessionId: z.string(),
  startsAt: z.string(),
  sections: z.array(BriefingSection),
});
export type Briefing = z.infer<typeof Briefing>;

export interface LastSignedNote {
  sessionId: string;
  serviceDate: string;
  content: NoteContent;
}

export interface BriefingInput {
  client: { id: string; name: string };
  session: { id: string; startsAt: string };
  history: { number: number; history: HealthHistory } | null;
  alerts: SafetyAlert[];
  changes: ChangesSinceLastVisit | null;
  consents: ClientConsentsView | null;
  goals: ClientGoalsView | null;
  effectiveness: ClientEffectiveness | null;
  lastNote: LastSignedNote | null;
  followUps: FollowUp[];
  /** A handoff to the reader they have not yet acknowledged. */
  handoff: Handoff | null;
}

const source = (
  kind: BriefingSourceKind,
  id: string | null = null,
  sessionId: string | null = null,
): BriefingSource => ({ kind, id, sessionId });

function handoffStatements(handoff: Handoff | null): BriefingStatement[] {
  if (!handoff) return [];
  const from = handoff.fromTherapistName ?? 'the previous therapist';
  const at = source('handoff', handoff.id);
  return [
    { text: `Handed over by ${from}: ${handoff.reason}`, tone: 'caution', source: at },
    ...(handoff.continueWith
      ? [{ text: `Continue: ${handoff.continueWith}`, tone: 'neutral' as const, source: at }]
      : []),
    ...(handoff.avoid
      ? [{ text: `Avoid: ${handoff.avoid}`, tone: 'caution' as const, source: at }]
      : []),
  ];
}

function careStatements(input: BriefingInput): BriefingStatement[] {
  const statements: BriefingStatement[] = [];
  const reason = input.lastNote?.content.subjective.reasonForVisit.trim();
  if (reason && input.lastNote) {
    statements.push({
      text: `Reason for care at the last visit: ${reason}`,
      tone: 'neutral',
      source: source('session', null, input.lastNote.sessionId),
    });
  }
  for (const goal of input.history?.history.goals ?? []) {
    statements.push({
      text: `Client's own goal: ${goal.text}`,
      tone: 'neutral',
      source: source('health_history', String(input.history!.number)),
    });
  }
  for (const goal of input.goals?.goals ?? []) {
    if (goal.status !== 'active') continue;
    const { progress } = goal;
    const latest = progress.latest ? `latest ${progress.latest.value}` : 'no score yet';
    const baseline =
      progress.baseline && progress.latest && progress.baseline !== progress.latest
        ? ` (from ${progress.baseline.value})`
        : '';
    statements.push({
      text: `Goal: ${goal.statement} — target ${comparatorSymbols[goal.comparator]} ${goal.targetValue}, ${latest}${baseline}: ${progressStateLabels[progress.state].toLowerCase()}.`,
      tone:
        progress.state === 'target_reached' || progress.state === 'improving'
          ? 'good'
          : progress.state === 'worsening'
            ? 'caution'
            : 'neutral',
      source: source('goal', goal.id, progress.latest?.sessionId ?? null),
    });
  }
  const plan = input.goals?.plan.plan;
  if (plan) {
    const focus = plan.focusRegions.length ? `; focus ${regionList(plan.focusRegions)}` : '';
    const review = plan.reEvaluationDate ? `; re-evaluate on ${plan.reEvaluationDate}` : '';
    statements.push({
      text: `Plan: ${frequencyText(plan)}${focus}${review}.`,
      tone: 'neutral',
      source: source('plan', String(input.goals!.plan.number)),
    });
  }
  return statements;
}

const consentTone: Partial<Record<ConsentState, BriefingTone>> = {
  expired: 'caution',
  missing: 'caution',
  withdrawn: 'danger',
};

/** The safety rules' messages mostly open with their title; the briefing says it once. */
function alertText(alert: BriefingInput['alerts'][number]): string {
  const titled = alert.message.toLowerCase().startsWith(`${alert.title.toLowerCase()}:`);
  const text = titled ? alert.message : `${alert.title}: ${alert.message}`;
  return `${text}${alert.because ? ` (${alert.because})` : ''}`;
}

function alertStatements(input: BriefingInput): BriefingStatement[] {
  const statements: BriefingStatement[] = input.alerts.map((alert) => ({
    text: alertText(alert),
    tone: alert.kind === 'absolute' || alert.kind === 'allergy' ? 'danger' : 'caution',
    source: source('safety', alert.ruleId),
  }));
  const changes = input.changes;
  if (changes && changes.lastVisit && changes.changes.length > 0) {
    const sections = changes.sections.map((section) => healthHistorySectionLabels[section]);
    statements.push({
      text: `Health history changed since the last visit on ${changes.lastVisit.serviceDate}: ${sections.join(', ')} (${changes.changes.length} ${changes.changes.length === 1 ? 'change' : 'changes'}).`,
      tone: 'caution',
      source: source('health_history', String(changes.to)),
    });
  }
  for (const entry of input.consents?.entries ?? []) {
    const tone = entry.required ? consentTone[entry.state] : undefined;
    if (!tone) continue;
    statements.push({
      text: `${consentKindLabels[entry.kind]} is ${entry.state}.`,
      tone,
      source: source('consent', entry.signature?.id ?? null),
    });
  }
  return statements;
}

function rowStatement(
  effectiveness: ClientEffectiveness,
  row: EffectivenessRow,
  tone: BriefingTone,
): BriefingStatement {
  // With a difference, the sessions compared are the relief figure's (see DifferenceFigure).
  const ids = sessionIdsAt(
    effectiveness,
    row.difference && row.relief ? row.relief.sessionIndexes : row.sessions.sessionIndexes,
  );
  return {
    // The comparison with the client's other sessions is the line that tells what works;
    // the row's other statements (relief, carry-over) stay in the full table.
    text: `${row.label}: ${row.statements.find((line) => line.startsWith('Associated')) ?? `${row.summary}.`}`,
    tone,
    source: source('effectiveness', `${row.kind}:${row.key}`, ids.at(-1) ?? null),
  };
}

function whatWorksStatements(effectiveness: ClientEffectiveness | null): BriefingStatement[] {
  if (!effectiveness) return [];
  const statements: BriefingStatement[] = [];
  for (const row of effectiveness.rows) {
    if (row.verdict === 'more_relief') statements.push(rowStatement(effectiveness, row, 'good'));
    else if (row.verdict === 'less_relief')
      statements.push(rowStatement(effectiveness, row, 'caution'));
    const reactions = row.followUps?.reactions.count ?? 0;
    if (row.enough && reactions > 0) {
      const kinds = Object.entries(row.followUps!.reactionKinds)
        .map(
          ([kind, count]) =>
            `${reactionLabels[kind as keyof typeof reactionLabels] ?? kind} ×${count}`,
        )
        .join(', ');
      statements.push({
        text: `${row.label}: reactions reported after ${reactions} of ${row.followUps!.reported.count} followed-up ${row.followUps!.reported.count === 1 ? 'session' : 'sessions'} (${kinds}).`,
        tone: 'danger',
        source: source(
          'effectiveness',
          `${row.kind}:${row.key}`,
          sessionIdsAt(effectiveness, row.followUps!.reactions.sessionIndexes).at(-1) ?? null,
        ),
      });
    }
  }
  if (statements.length === 0 && effectiveness.rows.some((row) => !row.enough)) {
    statements.push({
      text: `Not enough sessions yet to say what works (${effectiveness.minimumSessions} signed sessions with pain scores are needed for each technique, pressure or product).`,
      tone: 'neutral',
      source: source('effectiveness'),
    });
  }
  return statements;
}

function preferenceStatements(input: BriefingInput): BriefingStatement[] {
  if (!input.history) return [];
  const { preferences, areasToAvoid } = input.history.history;
  const at = source('health_history', String(input.history.number));
  const lines = [
    preferences.pressure &&
      `Preferred pressure: ${preferences.pressure} (${(pressureLabels[preferences.pressure] ?? '').toLowerCase()})`,
    preferences.temperature && `Temperature: ${temperatureLabels[preferences.temperature]}`,
    preferences.music && `Music: ${musicLabels[preferences.music]}`,
    preferences.conversation && `Conversation: ${conversationLabels[preferences.conversation]}`,
    preferences.draping && `Draping: ${preferences.draping}`,
    preferences.notes,
  ].filter((line): line is string => Boolean(line));
  return [
    ...areasToAvoid.map((area) => ({
      text: `Avoid ${regionList(area.regions)}: ${area.reason}`,
      tone: 'caution' as const,
      source: at,
    })),
    ...lines.map((text) => ({ text, tone: 'neutral' as const, source: at })),
  ];
}

function lastSessionStatements(input: BriefingInput): BriefingStatement[] {
  const note = input.lastNote;
  if (!note) return [];
  const at = source('session', null, note.sessionId);
  const { plan, subjective, assessment } = note.content;
  const statements: BriefingStatement[] = [];
  if (subjective.painBefore !== null) {
    const after = assessment.painAfter !== null ? ` → ${assessment.painAfter}` : '';
    statements.push({
      text: `Last visit ${note.serviceDate}: pain ${subjective.painBefore}${after} of 10.`,
      tone: 'neutral',
      source: at,
    });
  }
  if (plan.focusNextTime)
    statements.push({
      text: `Focus this time: ${plan.focusNextTime}`,
      tone: 'neutral',
      source: at,
    });
  if (plan.homeCare)
    statements.push({ text: `Home care given: ${plan.homeCare}`, tone: 'neutral', source: at });
  if (plan.frequency)
    statements.push({ text: `Frequency: ${plan.frequency}`, tone: 'neutral', source: at });
  const followUp = input.followUps.find((entry) => entry.sessionId === note.sessionId);
  if (followUp) {
    const parts = [
      followUp.relief !== null ? `relief ${followUp.relief}/10` : null,
      followUp.soreness !== null ? `soreness ${followUp.soreness}/10` : null,
      ...followUp.reactions.map((reaction) => reactionLabels[reaction].toLowerCase()),
    ].filter(Boolean);
    const details = followUp.reactionDetails ? ` — “${followUp.reactionDetails}”` : '';
    statements.push({
      text: `Follow-up after the last visit: ${parts.join(', ') || 'no scores given'}${details}.`,
      tone: raisesFlag(followUp) ? 'danger' : 'good',
      source: source('follow_up', followUp.id, note.sessionId),
    });
  } else {
    statements.push({
      text: 'No follow-up was received after the last visit.',
      tone: 'neutral',
      source: at,
    });
  }
  return statements;
}

export function buildBriefing(input: BriefingInput): Briefing {
  const sections: BriefingSection[] = [
    {
      key: 'handoff',
      title: 'Handoff',
      statements: handoffStatements(input.handoff),
      emptyText: '',
    },
    {
      key: 'care',
      title: 'Reason for care, goals and plan',
      statements: careStatements(input),
      emptyText: 'No reason for care, goals or plan recorded yet.',
    },
    {
      key: 'alerts',
      title: 'Alerts',
      statements: alertStatements(input),
      emptyText: input.history
        ? 'No alerts on the current health history; consent is in order.'
        : 'No health history recorded yet: ask about health before treating.',
    },
    {
      key: 'what_works',
      title: 'What has worked and what has not',
      statements: whatWorksStatements(input.effectiveness),
      emptyText: 'No clear pattern in this client’s signed sessions yet.',
    },
    {
      key: 'preferences',
      title: 'Preferences and areas to avoid',
      statements: preferenceStatements(input),
      emptyText: 'No preferences or areas to avoid recorded.',
    },
    {
      key: 'last_session',
      title: 'Last session and follow-up',
      statements: lastSessionStatements(input),
      emptyText: 'First visit: no earlier signed session.',
    },
  ];
  return {
    clientId: input.client.id,
    clientName: input.client.name,
    sessionId: input.session.id,
    startsAt: input.session.startsAt,
    // The handoff section only appears when there is one waiting.
    sections: sections.filter((section) => section.key !== 'handoff' || section.statements.length),
  };
}
