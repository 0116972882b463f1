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
  /** Notes, note search and private reflections: clinicians only, never front desk. */
  clinicalNotes: (role: Role) => role !== 'front_desk',
};
