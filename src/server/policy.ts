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
  | 'safetySettings.manage'
  | 'effectiveness.read'
  | 'briefing.read'
  | 'analytics.read'
  | 'analytics.therapists'
  | 'measureDefinition.read'
  | 'measureDefinition.manage'
  | 'measureScores.read'
  | 'measureScores.record'
  | 'measureLink.send'
  | 'goals.read'
  | 'goals.write'
  | 'followUp.link.send'
  | 'followUp.read'
  | 'followUp.record'
  | 'followUp.acknowledge'
  | 'followUp.overview'
  | 'record.export'
  | 'record.clientCopy'
  | 'client.handoff'
  | 'handoff.read'
  | 'handoff.acknowledge'
  | 'retention.read'
  | 'client.purge'
  | 'import.fhir'
  | 'import.clientList'
  | 'import.clientListNotes'
  | 'externalRecords.read';

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
  // What worked for a client is read from their notes: clinical, like the notes themselves.
  'effectiveness.read': reachesClinically,
  // The playbook shows the whole clinical picture: only those who may read the chart.
  'briefing.read': reachesClinically,
  // Practice-wide tables are clinical too; the store scopes them to the clients the reader
  // reaches (clientScope), so a therapist under assigned care sees their own clients' only.
  'analytics.read': (actor) => isOwner(actor) || isTherapist(actor),
  // Comparing therapists' outcomes is a management view, kept to the owner.
  'analytics.therapists': isOwner,
  // Which measures the practice uses is the owner's to define; everyone may read the list.
  'measureDefinition.read': always,
  'measureDefinition.manage': isOwner,
  // Scores, goals and the plan are clinical. Sending a measures link is desk work like the
  // intake link: it shows the client only the questions, and front desk never sees the answers.
  'measureScores.read': reachesClinically,
  'measureScores.record': reachesClinically,
  'measureLink.send': reachesClient,
  'goals.read': reachesClinically,
  'goals.write': reachesClinically,
  // A follow-up link shows only the visit's date and therapist, so sending one is desk work
  // like the intake link; what the client reports back is clinical.
  'followUp.link.send': reachesClient,
  'followUp.read': reachesClinically,
  'followUp.record': reachesClinically,
  'followUp.acknowledge': reachesClinically,
  // The Today lists (flags, missing follow-ups): the owner's cover the practice, a therapist's
  // their own sessions and clients (the store scopes them).
  'followUp.overview': (actor) => isOwner(actor) || isTherapist(actor),
  // The record as a PDF or a FHIR Bundle is clinical content, for those who treat the client;
  // whether a PDF may leave the practice is the disclosure rule's (domain/disclosure.ts),
  // checked by its route.
  'record.export': reachesClinically,
  // Everything held about a client, for their right of access: the owner answers for it.
  'record.clientCopy': isOwner,
  // A client moves to another therapist only by a handoff with a note: from the owner, or from
  // the therapist handing over their own client.
  'client.handoff': (actor, facts) =>
    isOwner(actor) || (isTherapist(actor) && facts.isPrimaryTherapist),
  // Handoff notes are clinical. The therapist who took the client over (now its primary)
  // acknowledges having read theirs; nobody can do it for them.
  'handoff.read': reachesClinically,
  'handoff.acknowledge': (actor, facts) =>
    reachesClinically(actor, facts) && facts.isPrimaryTherapist,
  // Keeping records for the legal period, and destroying them after it, is the owner's duty.
  'retention.read': isOwner,
  'client.purge': isOwner,
  // Bringing another system's clinical record into the practice (health histories, other
  // providers' visits) is the owner's decision, made once when care or software moves.
  'import.fhir': isOwner,
  // A client list is contact details, which front desk already enters one client at a time;
  // the import runs the same duplicate checks and is audited with its counts. A notes column
  // lands in health histories, which is clinical, so only the owner may map one.
  'import.clientList': (actor) => isOwner(actor) || isFrontDesk(actor),
  'import.clientListNotes': isOwner,
  // Other providers' visits and results are clinical content, like the practice's own notes.
  'externalRecords.read': reachesClinically,
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
    action.startsWith('safety.') ||
    action === 'effectiveness.read' ||
    action === 'briefing.read' ||
    action.startsWith('measureScores.') ||
    action.startsWith('measureLink.') ||
    action.startsWith('goals.') ||
    (action.startsWith('followUp.') && action !== 'followUp.overview') ||
    action.startsWith('record.') ||
    action.startsWith('handoff.') ||
    action.startsWith('externalRecords.')
  );
}

function roleName(role: Role): string {
  return role.replace('_', ' ');
}
