import type { Role } from '../../domain/roles.js';

/**
 * Which screens and buttons to offer. The server's policy (server/policy.ts) decides what is
 * allowed; this mirrors it only so the app does not offer what the server would refuse.
 */
export const offers = {
  staffAdmin: (role: Role) => role === 'owner',
  auditLog: (role: Role) => role === 'owner',
  practiceSettings: (role: Role) => role === 'owner',
  noteTemplateSettings: (role: Role) => role === 'owner',
  consentTextSettings: (role: Role) => role === 'owner',
  intakeFormSettings: (role: Role) => role === 'owner',
  archiveClient: (role: Role) => role !== 'front_desk',
  careTeamChanges: (role: Role, isPrimaryTherapist: boolean) =>
    role === 'owner' || (role === 'therapist' && isPrimaryTherapist),
  /** Handing a client to another therapist: the owner, or the therapist handing over their own. */
  handOver: (role: Role, isPrimaryTherapist: boolean) =>
    role === 'owner' || (role === 'therapist' && isPrimaryTherapist),
  /** Records past their retention period, and purging them. */
  retention: (role: Role) => role === 'owner',
  /** Notes, note search and private reflections: clinicians only, never front desk. */
  clinicalNotes: (role: Role) => role !== 'front_desk',
  /** Practice-wide analytics are drawn from notes: clinicians; comparing therapists: the owner. */
  insights: (role: Role) => role !== 'front_desk',
  therapistOutcomes: (role: Role) => role === 'owner',
  /** The record as a PDF is clinical; the client's copy of everything is the owner's to give. */
  recordExport: (role: Role) => role !== 'front_desk',
  clientCopy: (role: Role) => role === 'owner',
  /** A client list is contact details (owner, front desk); a notes column and FHIR are clinical. */
  importClientList: (role: Role) => role !== 'therapist',
  importClientNotes: (role: Role) => role === 'owner',
  importFhir: (role: Role) => role === 'owner',
};
