import { z } from 'zod';
import {
  InvitationPreview,
  StaffInvitation,
  type InvitationCreate,
} from '../../domain/invitations.js';
import { get, request } from './client.js';
import { Session } from './session.js';

export const invitationKeys = {
  all: ['invitations'] as const,
  preview: (token: string) => ['invitations', 'preview', token] as const,
};

const InvitationList = z.object({ invitations: z.array(StaffInvitation) });
const CreatedInvitation = z.object({ invitation: StaffInvitation, url: z.string() });
export type CreatedInvitation = z.infer<typeof CreatedInvitation>;
export type InvitationPreview = z.infer<typeof InvitationPreview>;

export async function listInvitations(signal?: AbortSignal): Promise<StaffInvitation[]> {
  return (await get('/api/v1/staff/invitations', InvitationList, signal)).invitations;
}

/** The answer carries the one-time link; the server keeps only its hash, so it is shown once. */
export async function inviteStaff(invitation: InvitationCreate): Promise<CreatedInvitation> {
  const { value } = await request('POST', '/api/v1/staff/invitations', {
    body: invitation,
    schema: CreatedInvitation,
  });
  return value;
}

export async function revokeInvitation(id: string): Promise<void> {
  await request('DELETE', `/api/v1/staff/invitations/${encodeURIComponent(id)}`);
}

export function previewInvitation(token: string, signal?: AbortSignal): Promise<InvitationPreview> {
  return get(`/api/v1/invitations/${encodeURIComponent(token)}`, InvitationPreview, signal);
}

/** Creates the account and answers like a sign-in: the new staff member is signed in. */
export async function acceptInvitation(token: string, password: string): Promise<Session> {
  const { value } = await request(
    'POST',
    `/api/v1/invitations/${encodeURIComponent(token)}/accept`,
    {
      body: { password },
      schema: Session,
      expectSignedIn: false,
    },
  );
  return value;
}
