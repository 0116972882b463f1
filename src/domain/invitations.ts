import { z } from 'zod';
import { Role } from './roles.js';
import { Password } from './staff.js';
import { EmailAddress, requiredText } from './text.js';

/** Long enough to email and act on after a weekend; short enough that a stale link dies. */
export const invitationValidDays = 7;

export const InvitationCreate = z.object({
  email: EmailAddress,
  displayName: requiredText(120, 'Name'),
  role: Role,
});
export type InvitationCreate = z.infer<typeof InvitationCreate>;

export const InvitationStatus = z.enum(['pending', 'accepted', 'expired', 'revoked']);
export type InvitationStatus = z.infer<typeof InvitationStatus>;

export const StaffInvitation = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: Role,
  status: InvitationStatus,
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type StaffInvitation = z.infer<typeof StaffInvitation>;

/** What the person opening the link sees before choosing a password: nothing about anyone else. */
export const InvitationPreview = z.object({
  practiceName: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: Role,
  expiresAt: z.string(),
});

export const InvitationAccept = z.object({ password: Password });

export function invitationStatus(
  invitation: { acceptedAt: string | null; revokedAt: string | null; expiresAt: string },
  now: Date,
): InvitationStatus {
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.revokedAt) return 'revoked';
  if (new Date(invitation.expiresAt) <= now) return 'expired';
  return 'pending';
}

export function invitationExpiry(now: Date): string {
  return new Date(now.getTime() + invitationValidDays * 86_400_000).toISOString();
}
