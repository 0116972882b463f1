import { Forbidden, NotFound } from '../domain/errors.js';
import type { CareModel } from '../domain/practice.js';
import type { Role } from '../domain/roles.js';
import type { ClientScope } from '../store/clients.js';
import type { Actor } from './actor.js';

/**
 * The whole permission model of Palpate, in one page. Routes call `authorize(actor, action,
 * facts)`; each rule is a small combination of named facts. Front desk handles demographics and
 * scheduling and never clinical content; under assigned care a therapist reaches only clients
 * they are primary therapist for or share a care team with.
 */
export type Action =
  | 'practice.read'
  | 'practice.update'
  | 'staff.list'
  | 'staff.manage'
  | 'therapists.list'
  | 'audit.read'
  | 'client.list'
  | 'client.create'
  | 'client.read'
  | 'client.update'
  | 'client.archive'
  | 'client.careTeam.read'
  | 'client.careTeam.manage'
  | 'clinical.read'
  | 'clinical.write'
  | 'note.edit'
  | 'note.sign'
  | 'note.search'
  | 'schedule.read'
  | 'schedule.write'
  | 'catalogue.read'
  | 'catalogue.manage'
  | 'noteTemplate.read'
  | 'noteTemplate.manage'
  | 'reflection.write'
  | 'healthHistory.read'
  | 'healthHistory.write'
  | 'intake.link.manage'
  | 'intake.review'
  | 'intakeForm.read'
  | 'intakeForm.manage'
  | 'consentText.read'
  | 'consentText.publish'
  | 'consent.read'
  | 'consent.record'
  | 'consent.withdraw'
  | 'safety.read'
  | 'safety.override'
  | 'safetySettings.read'
  | 'safetySettings.manage';

/** Facts about one client that rules depend on, gathered by the route before asking. */
export interface ClientFacts {
  careModel: CareModel;
  /** Primary therapist or on the care team. */
  onCareTeam: boolean;
  isPrimaryTherapist: boolean;
  /**
   * The actor wrote the note in question, or would become its author by writing the first
   * draft (changing a draft and signing are the author's alone).
   */
  isAuthor?: boolean;
}

const isOwner = (actor: Actor) => actor.role === 'owner';
const isTherapist = (actor: Actor) => actor.role === 'therapist';
const isFrontDesk = (actor: Actor) => actor.role === 'front_desk';
const reachesClient = (actor: Actor, facts: ClientFacts) =>
  isOwner(actor) || isFrontDesk(actor) || facts.careModel === 'shared' || facts.onCareTeam;
const reachesClinically = (actor: Actor, facts: ClientFacts) =>
  isOwner(actor) || (isTherapist(actor) && (facts.careModel === 'shared' || facts.onCareTeam));

type Rule = (actor: Actor, facts: ClientFacts) => boolean;
const always: Rule = () => true;

const rules: Record<Action, Rule> = {
  'practice.read': always,
  'practice.update': isOwner,
  'staff.list': isOwner,
  'staff.manage': isOwner,
  'therapists.list': always,
  'audit.read': isOwner,
  'client.list': always,
  'client.create': always,
  'client.read': reachesClient,
  'client.update': reachesClient,
  'client.archive': (actor, facts) =>
    isOwner(actor) || (isTherapist(actor) && reachesClient(actor, facts)),
  'client.careTeam.read': reachesClient,
  'client.careTeam.manage': (actor, facts) =>
    isOwner(actor) || (isTherapist(actor) && facts.isPrimaryTherapist),
  'clinical.read': reachesClinically,
  'clinical.write': reachesClinically,
  'note.edit': (actor, facts) => reachesClinically(actor, facts) && facts.isAuthor === true,
  'note.sign': (actor, facts) => reachesClinically(actor, facts) && facts.isAuthor === true,
  // Search is scoped to the clients the actor reaches (clientScope), so the rule is the role's.
  'note.search': (actor) => isOwner(actor) || isTherapist(actor),
  'schedule.read': reachesClient,
  'schedule.write': reachesClient,
  'catalogue.read': always,
  'catalogue.manage': isOwner,
  // Templates are written into notes, so only those who write notes read them; front desk does not.
  'noteTemplate.read': (actor) => isOwner(actor) || isTherapist(actor),
  'noteTemplate.manage': isOwner,
  // Reflections are a clinician's own notes about a client they care for.
  'reflection.write': reachesClinically,
  // A health history is clinical content: the people who treat the client, never front desk.
  'healthHistory.read': reachesClinically,
  'healthHistory.write': reachesClinically,
  // Sending a client their intake link is front-desk work; what comes back is clinical.
  'intake.link.manage': reachesClient,
  'intake.review': reachesClinically,
  'intakeForm.read': always,
  'intakeForm.manage': isOwner,
  // Consent is paperwork the front desk often collects on the tablet; the texts are the owner's.
  'consentText.read': always,
  'consentText.publish': isOwner,
  'consent.read': reachesClient,
  'consent.record': reachesClient,
  'consent.withdraw': reachesClient,
  // Safety alerts come from the health history and the note: clinical content. Going ahead
  // despite an absolute contraindication is the treating clinician's decision.
  'safety.read': reachesClinically,
  'safety.override': reachesClinically,
  // Which ingredients count as tree nuts is practice policy, set by the owner.
  'safetySettings.read': always,
  'safetySettings.manage': isOwner,
};

/** Facts for actions that concern no particular client. */
export const practiceWide: ClientFacts = {
  careModel: 'shared',
  onCareTeam: false,
  isPrimaryTherapist: false,
};

export function can(actor: Actor, action: Action, facts: ClientFacts = practiceWide): boolean {
  return rules[action](actor, facts);
}

/**
 * Throws when the actor may not act. A client outside a therapist's reach answers 404, not 403,
 * so the existence of other therapists' clients is not revealed.
 */
export function authorize(actor: Actor, action: Action, facts: ClientFacts = practiceWide): void {
  if (can(actor, action, facts)) return;
  if (concernsOneClient(action) && !reachesClient(actor, facts)) {
    throw new NotFound('client');
  }
  const authorshipIsMissing =
    facts.isAuthor !== true && can(actor, action, { ...facts, isAuthor: true });
  throw new Forbidden(
    (authorshipIsMissing ? authorOnly[action] : undefined) ??
      `Your role (${roleName(actor.role)}) may not do this.`,
  );
}

/** Refusals where the role would do but only the note's author may act. */
const authorOnly: Partial<Record<Action, string>> = {
  'note.edit': 'Only the author of a draft note may change it.',
  'note.sign': 'Only the author of a note may sign it.',
};

/** Which clients appear in lists and searches for this actor. */
export function clientScope(actor: Actor, careModel: CareModel): ClientScope {
  if (isTherapist(actor) && careModel === 'assigned')
    return { kind: 'care_team', userId: actor.userId };
  return { kind: 'practice' };
}

/** Client actions and clinical content both concern one client, whose existence may be private. */
function concernsOneClient(action: Action): boolean {
  const oneClient =
    action.startsWith('client.') && action !== 'client.list' && action !== 'client.create';
  return (
    oneClient ||
    action.startsWith('clinical.') ||
    action.startsWith('schedule.') ||
    action === 'note.edit' ||
    action === 'note.sign' ||
    action === 'reflection.write' ||
    action.startsWith('healthHistory.') ||
    action.startsWith('intake.') ||
    action.startsWith('consent.') ||
    action.startsWith('safety.')
  );
}

function roleName(role: Role): string {
  return role.replace('_', ' ');
}
