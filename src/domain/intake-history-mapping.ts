import type { HealthHistory } from './health-history.js';
import type { HealthHistorySection } from './health-history-diff.js';
import { guessInjuryKind, guessMedicationClass } from './health-history-guesses.js';
import {
  allergySubstanceLabels,
  conditionLabels,
  medicationClassLabels,
  type AllergySubstance,
  type ConditionCode,
} from './health-history-vocabulary.js';
import type { IntakeBinding } from './intake-forms.js';
import { foldForSearch, isCalendarDate } from './text.js';

/**
 * How intake answers bound to health-history fields become proposed entries. Each function
 * adds to (or updates) a copy of the history and notes what the therapist should check;
 * none removes anything.
 */
export interface IntakeAttention {
  section: HealthHistorySection | 'client';
  itemId: string | null;
  message: string;
}

/** The answers by the record field they fill, already validated against the form. */
export interface BoundAnswers {
  text(binding: IntakeBinding): string | null;
  list(binding: IntakeBinding): string[];
  flag(binding: IntakeBinding): boolean | null;
}

interface Proposing {
  history: HealthHistory;
  answers: BoundAnswers;
  newId: () => string;
  today: string;
  attend(section: IntakeAttention['section'], itemId: string | null, message: string): void;
}

const blankAnswers = /^(none|no|n\/?a|nil|nothing|-+)\.?$/i;
const shortened = 'Shortened; the full answer is in the submission.';

/** Free text, one entry a line, without list bullets, blank lines, repeats or "none". */
export function entriesOf(text: string | null): string[] {
  const seen = new Set<string>();
  return (text ?? '')
    .split(/\r?\n/)
    .map((entry) => entry.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '').trim())
    .filter((entry) => entry && !blankAnswers.test(entry))
    .filter((entry) => !seen.has(foldForSearch(entry)) && Boolean(seen.add(foldForSearch(entry))));
}

function isKnown(names: readonly string[], name: string): boolean {
  return names.some((known) => foldForSearch(known) === foldForSearch(name));
}

/** New entries from one-a-line text, skipping those already recorded, with long ones cut. */
function newEntries(
  work: Proposing,
  section: IntakeAttention['section'],
  binding: IntakeBinding,
  recorded: readonly string[],
  max: number,
): Array<{ id: string; entry: string; text: string }> {
  return entriesOf(work.answers.text(binding))
    .filter((entry) => !isKnown(recorded, entry))
    .map((entry) => {
      const id = work.newId();
      if (entry.length > max) work.attend(section, id, shortened);
      const text = entry.length > max ? `${entry.slice(0, max - 1)}…` : entry;
      return { id, entry, text };
    });
}

function proposeConditions(work: Proposing): void {
  const conditions = work.history.conditions;
  for (const code of work.answers.list('history.conditions')) {
    if (!(code in conditionLabels)) continue;
    const known = conditions.filter((entry) => entry.code === code);
    if (known.some((entry) => entry.status !== 'resolved')) continue;
    const resolved = known.at(-1);
    if (resolved) {
      resolved.status = 'active';
      resolved.resolvedDate = null;
      work.attend(
        'conditions',
        resolved.id,
        `${resolved.name} was resolved; the client reports it again.`,
      );
      continue;
    }
    const name = conditionLabels[code as ConditionCode];
    conditions.push({
      id: work.newId(),
      code: code as ConditionCode,
      name,
      status: 'active',
      onsetDate: null,
      resolvedDate: null,
      regions: [],
      notes: null,
    });
  }
  const named = conditions.map((entry) => entry.name);
  for (const { id, text } of newEntries(
    work,
    'conditions',
    'history.conditions.other',
    named,
    120,
  )) {
    conditions.push({
      id,
      code: null,
      name: text,
      status: 'active',
      onsetDate: null,
      resolvedDate: null,
      regions: [],
      notes: null,
    });
  }
}

function proposeMedications(work: Proposing): void {
  const medications = work.history.medications;
  const named = medications.map((entry) => entry.name);
  for (const { id, entry, text } of newEntries(
    work,
    'medications',
    'history.medications',
    named,
    120,
  )) {
    const guess = guessMedicationClass(entry);
    medications.push({ id, name: text, class: guess ?? 'other', dose: null, reason: null });
    work.attend(
      'medications',
      id,
      guess
        ? `Kind guessed from the name: ${medicationClassLabels[guess]}. Confirm it; the safety alerts depend on it.`
        : `Choose what kind of medication "${text}" is; the safety alerts depend on it.`,
    );
  }
}

function proposeAllergies(work: Proposing): void {
  const allergies = work.history.allergies;
  for (const substance of work.answers.list('history.allergies')) {
    // "None of these" (an exclusive option) is not a substance.
    if (!(substance in allergySubstanceLabels)) continue;
    if (allergies.some((allergy) => allergy.substance === substance)) continue;
    const id = work.newId();
    allergies.push({
      id,
      substance: substance as AllergySubstance,
      nut: null,
      oil: null,
      name: null,
      reaction: null,
      severity: null,
    });
    work.attend('allergies', id, 'Ask what reaction the client has and how severe it is.');
  }
  const named = allergies.flatMap((allergy) => allergy.name ?? []);
  for (const { id, text } of newEntries(work, 'allergies', 'history.allergies.other', named, 120)) {
    allergies.push({
      id,
      substance: 'other',
      nut: null,
      oil: null,
      name: text,
      reaction: null,
      severity: null,
    });
    work.attend(
      'allergies',
      id,
      `Check whether "${text}" is a listed allergy (a nut, an oil) so products are checked against it.`,
    );
  }
}

function proposePregnancy(work: Proposing): void {
  const pregnant = work.answers.flag('history.pregnancy.pregnant');
  if (pregnant === false) work.history.pregnancy = { pregnant, dueDate: null, highRisk: false };
  if (pregnant === true) work.history.pregnancy.pregnant = true;
  const dueDate = work.answers.text('history.pregnancy.dueDate');
  if (dueDate && work.history.pregnancy.pregnant) work.history.pregnancy.dueDate = dueDate;
}

function proposeSurgeriesAndInjuries(work: Proposing): void {
  const events = work.history.surgeriesAndInjuries;
  for (const binding of ['history.surgeries', 'history.injuries'] as const) {
    const described = events.map((event) => event.description);
    for (const { id, entry, text } of newEntries(
      work,
      'surgeriesAndInjuries',
      binding,
      described,
      200,
    )) {
      const written = /\b(\d{4}-\d{2}-\d{2})\b/.exec(entry)?.[1] ?? null;
      const date = written && isCalendarDate(written) && written <= work.today ? written : null;
      const kind = binding === 'history.surgeries' ? 'surgery' : guessInjuryKind(entry);
      events.push({ id, kind, description: text, date, regions: [], notes: null });
      if (!date)
        work.attend(
          'surgeriesAndInjuries',
          id,
          'Add the date: the recent surgery and injury alerts need it.',
        );
      work.attend('surgeriesAndInjuries', id, 'Mark the regions on the body chart.');
    }
  }
}

function proposeAreasToAvoid(work: Proposing): void {
  const regions = work.answers.list('history.areasToAvoid');
  const same = (codes: readonly string[]) =>
    codes.length === regions.length && codes.every((code) => regions.includes(code));
  if (!regions.length || work.history.areasToAvoid.some((area) => same(area.regions))) return;
  const reason = work.answers.text('history.areasToAvoid.reason') ?? 'Asked on the intake form';
  work.history.areasToAvoid.push({ id: work.newId(), regions, reason: reason.slice(0, 200) });
}

function proposePreferences(work: Proposing): void {
  const preferences = work.history.preferences;
  const answer = (binding: IntakeBinding) => work.answers.text(binding);
  type Of<K extends keyof typeof preferences> = (typeof preferences)[K];
  const pressure = answer('history.preferences.pressure');
  if (pressure) preferences.pressure = Number(pressure);
  preferences.temperature =
    (answer('history.preferences.temperature') as Of<'temperature'>) ?? preferences.temperature;
  preferences.music = (answer('history.preferences.music') as Of<'music'>) ?? preferences.music;
  preferences.conversation =
    (answer('history.preferences.conversation') as Of<'conversation'>) ?? preferences.conversation;
  preferences.draping = answer('history.preferences.draping')?.slice(0, 300) ?? preferences.draping;
  preferences.notes = answer('history.preferences.notes')?.slice(0, 1000) ?? preferences.notes;
}

function proposeGoalsAndNotes(work: Proposing): void {
  const goals = work.history.goals;
  for (const { id, text } of newEntries(
    work,
    'goals',
    'history.goals',
    goals.map((goal) => goal.text),
    300,
  )) {
    goals.push({ id, text });
  }
  const extra = work.answers.text('history.notes');
  const notes = work.history.notes;
  if (!extra || (notes ?? '').includes(extra)) return;
  const joined = notes ? `${notes}\n\nIntake ${work.today}: ${extra}` : extra;
  if (joined.length > 2000) work.attend('notes', null, shortened);
  work.history.notes = joined.length > 2000 ? `${joined.slice(0, 1999)}…` : joined;
}

/** The history after the intake's answers, and what to check; `history` is not modified. */
export function proposeHistory(
  history: HealthHistory,
  answers: BoundAnswers,
  options: { newId: () => string; today: string },
): { history: HealthHistory; attention: IntakeAttention[] } {
  const attention: IntakeAttention[] = [];
  const work: Proposing = {
    history: structuredClone(history),
    answers,
    ...options,
    attend: (section, itemId, message) => attention.push({ section, itemId, message }),
  };
  proposeConditions(work);
  proposeMedications(work);
  proposeAllergies(work);
  proposePregnancy(work);
  proposeSurgeriesAndInjuries(work);
  proposeAreasToAvoid(work);
  proposePreferences(work);
  proposeGoalsAndNotes(work);
  return { history: work.history, attention };
}
