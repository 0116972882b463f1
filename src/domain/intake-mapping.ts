import type { ClientInput } from './clients.js';
import type { HealthHistory } from './health-history.js';
import { compareHealthHistories, type HealthHistoryChange } from './health-history-diff.js';
import type { IntakeAnswer, IntakeAnswers } from './intake-answers.js';
import {
  formQuestions,
  intakeBindings,
  type IntakeBinding,
  type IntakeForm,
} from './intake-forms.js';
import {
  proposeHistory,
  type BoundAnswers,
  type IntakeAttention,
} from './intake-history-mapping.js';

export type { IntakeAttention } from './intake-history-mapping.js';

/**
 * An intake submission turned into proposed changes for the therapist to review: the health
 * history as it would be after accepting, what changed in it, the client-profile fields that
 * would change, and what to check. Nothing is applied here. Intake only adds and updates,
 * never removes: a question left blank does not say that a condition has gone.
 */
export interface ProposedClientChange {
  /** Dotted ClientInput path: `phone`, `emergencyContact.phone`, `address.city`. */
  field: string;
  label: string;
  before: string | null;
  after: string;
}

export interface IntakeProposal {
  history: HealthHistory;
  historyChanges: HealthHistoryChange[];
  clientChanges: ProposedClientChange[];
  attention: IntakeAttention[];
}

/** The profile fields an intake form can fill. */
export type ClientProfile = Pick<
  ClientInput,
  | 'legalFirstName'
  | 'legalLastName'
  | 'preferredName'
  | 'pronouns'
  | 'dateOfBirth'
  | 'email'
  | 'phone'
  | 'address'
  | 'emergencyContact'
  | 'referralSource'
>;

function clientValue(client: ClientProfile | null, path: string): string | null {
  let value: unknown = client;
  for (const key of path.split('.')) value = (value as Record<string, unknown> | null)?.[key];
  return typeof value === 'string' ? value : null;
}

/** The answers keyed by the field they fill; a choice of referral source keeps its label. */
function answersByBinding(form: IntakeForm, answers: IntakeAnswers) {
  const given = new Map<IntakeBinding, Exclude<IntakeAnswer, null>>();
  for (const question of formQuestions(form)) {
    const answer = answers[question.id];
    if (!question.binding || answer === null || answer === undefined) continue;
    const chosen = question.options.find((option) => option.value === answer);
    const keepsLabel = question.type === 'choice' && question.binding === 'client.referralSource';
    given.set(question.binding, keepsLabel && chosen ? chosen.label : answer);
  }
  return given;
}

/**
 * `answers` must have passed `answersSchemaFor(form)`. `current.client` is null when the
 * submission will create the client. `newId` makes ids for new history entries.
 */
export function intakeToProposedChanges(
  form: IntakeForm,
  answers: IntakeAnswers,
  current: { history: HealthHistory; client: ClientProfile | null },
  options: { newId: () => string; today: string },
): IntakeProposal {
  const given = answersByBinding(form, answers);
  const bound: BoundAnswers = {
    text: (binding) => {
      const answer = given.get(binding);
      return typeof answer === 'string' && answer.trim() ? answer.trim() : null;
    },
    list: (binding) => {
      const answer = given.get(binding);
      return Array.isArray(answer) ? answer : [];
    },
    flag: (binding) => {
      const answer = given.get(binding);
      return typeof answer === 'boolean' ? answer : null;
    },
  };
  const clientChanges: ProposedClientChange[] = [];
  for (const [binding, answer] of given) {
    if (!binding.startsWith('client.') || typeof answer !== 'string') continue;
    const field = binding.slice('client.'.length);
    const before = clientValue(current.client, field);
    const label = intakeBindings[binding].label;
    if (before !== answer) clientChanges.push({ field, label, before, after: answer });
  }
  const proposed = proposeHistory(current.history, bound, options);
  return {
    history: proposed.history,
    historyChanges: compareHealthHistories(current.history, proposed.history),
    clientChanges,
    attention: proposed.attention,
  };
}

/** The profile with accepted intake changes applied, for the client record's next version. */
export function withClientChanges<T extends ClientProfile>(
  client: T,
  changes: readonly ProposedClientChange[],
): T {
  const next = structuredClone(client);
  for (const change of changes) {
    const keys = change.field.split('.');
    const last = keys.pop()!;
    let target = next as unknown as Record<string, unknown>;
    for (const key of keys) target = target[key] as Record<string, unknown>;
    target[last] = change.after;
  }
  return next;
}
