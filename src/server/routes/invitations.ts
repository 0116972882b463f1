import { z } from 'zod';
import { Conflict, NotFound } from '../../domain/errors.js';
import {
  InvitationAccept,
  InvitationCreate,
  InvitationPreview,
  StaffInvitation,
  invitationExpiry,
  invitationStatus,
} from '../../domain/invitations.js';
import {
  findInvitationByTokenHash,
  insertInvitation,
  listInvitations,
  markInvitationAccepted,
  revokeInvitation,
  type StoredInvitation,
} from '../../store/invitations.js';
import { findPractice } from '../../store/practices.js';
import { findUserByEmail, insertUser } from '../../store/users.js';
import { recordAudit } from '../audit-trail.js';
import type { AppContext } from '../context.js';
import { authorize } from '../policy.js';
import { IdParams, defineRoute, type RouteSpec } from '../routing.js';
import { digest, hashPassword, newSecret } from '../secrets.js';
import { SessionView, startLogin } from './auth.js';

const TokenParams = z.object({ token: z.string().min(20).max(100) });
/** One message for unknown, used, expired and revoked links: a link reveals nothing. */
const deadLink =
  'This invitation link is not valid. It may have expired, been used or been revoked.';

function present(invitation: StoredInvitation, now: Date): StaffInvitation {
  return {
    id: invitation.id,
    email: invitation.email,
    displayName: invitation.displayName,
    role: invitation.role,
    status: invitationStatus(invitation, now),
    createdAt: invitation.createdAt,
    expiresAt: invitation.expiresAt,
  };
}

export function invitationRoutes(context: AppContext): RouteSpec[] {
  const { store, runtime, config } = context;
  const linkRateLimit = { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' };

  async function livingInvitation(token: string): Promise<StoredInvitation> {
    const invitation = await findInvitationByTokenHash(store.db, digest(token));
    if (!invitation || invitationStatus(invitation, runtime.now()) !== 'pending')
      throw new NotFound('invitation');
    return invitation;
  }

  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/staff/invitations',
      operationId: 'listStaffInvitations',
      summary: 'Invitations sent to new staff, newest first (owner)',
      tag: 'staff',
      auth: 'user',
      responses: { 200: z.object({ invitations: z.array(StaffInvitation) }) },
      handler: async ({ actor }) => {
        authorize(actor, 'staff.manage');
        const now = runtime.now();
        return {
          invitations: (await listInvitations(store.db, actor.practiceId)).map((invitation) =>
            present(invitation, now),
          ),
        };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/staff/invitations',
      operationId: 'inviteStaff',
      summary: 'Invite a staff member: returns a one-time link valid for 7 days (owner)',
      tag: 'staff',
      auth: 'user',
      body: InvitationCreate,
      responses: { 201: z.object({ invitation: StaffInvitation, url: z.string() }), 409: null },
      handler: async ({ actor, body, request, reply }) => {
        authorize(actor, 'staff.manage');
        const token = newSecret(32);
        const now = runtime.now();
        const invitation = await store.db.transaction().execute(async (trx) => {
          if (await findUserByEmail(trx, body.email)) {
            throw new Conflict('That email already belongs to an account.', [
              { field: 'email', message: 'Already used by another account.' },
            ]);
          }
          const created = await insertInvitation(trx, {
            id: runtime.newId(),
            practiceId: actor.practiceId,
            email: body.email,
            displayName: body.displayName,
            role: body.role,
            tokenHash: digest(token),
            createdBy: actor.userId,
            createdAt: now.toISOString(),
            expiresAt: invitationExpiry(now),
          });
          await recordAudit(context, trx, request, {
            action: 'staff.invite',
            recordType: 'staff_invitation',
            recordId: created.id,
            detail: { role: created.role },
          });
          return created;
        });
        void reply.code(201);
        return {
          invitation: present(invitation, now),
          url: `${request.protocol}://${request.host}/invite/${token}`,
        };
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/v1/staff/invitations/:id',
      operationId: 'revokeStaffInvitation',
      summary: 'Revoke an invitation that has not been used (owner)',
      tag: 'staff',
      auth: 'user',
      params: IdParams,
      responses: { 204: null },
      handler: async ({ actor, params, request, reply }) => {
        authorize(actor, 'staff.manage');
        await store.db.transaction().execute(async (trx) => {
          if (
            !(await revokeInvitation(trx, actor.practiceId, params.id, runtime.now().toISOString()))
          )
            throw new NotFound('pending invitation');
          await recordAudit(context, trx, request, {
            action: 'staff.invite.revoke',
            recordType: 'staff_invitation',
            recordId: params.id,
          });
        });
        return reply.code(204).send();
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/invitations/:token',
      operationId: 'previewInvitation',
      summary: 'What an invitation link is for, before the invitee chooses a password',
      tag: 'staff',
      auth: 'public',
      params: TokenParams,
      rateLimit: linkRateLimit,
      responses: { 200: InvitationPreview, 404: null },
      handler: async ({ params }) => {
        const invitation = await livingInvitation(params.token).catch(() => {
          throw new NotFound('invitation', deadLink);
        });
        const practice = await findPractice(store.db, invitation.practiceId);
        return {
          practiceName: practice?.name ?? '',
          email: invitation.email,
          displayName: invitation.displayName,
          role: invitation.role,
          expiresAt: invitation.expiresAt,
        };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/invitations/:token/accept',
      operationId: 'acceptInvitation',
      summary: 'Accept an invitation by choosing a password; signs the new staff member in',
      tag: 'staff',
      auth: 'public',
      params: TokenParams,
      body: InvitationAccept,
      rateLimit: linkRateLimit,
      responses: { 201: SessionView, 404: null, 409: null },
      handler: async ({ params, body, request, reply }) => {
        const invitation = await livingInvitation(params.token).catch(() => {
          throw new NotFound('invitation', deadLink);
        });
        const passwordHash = await hashPassword(body.password, config.scryptCost);
        const user = await store.db.transaction().execute(async (trx) => {
          if (await findUserByEmail(trx, invitation.email))
            throw new Conflict('That email already belongs to an account. Sign in instead.');
          const now = runtime.now().toISOString();
          const created = await insertUser(trx, {
            id: runtime.newId(),
            practiceId: invitation.practiceId,
            email: invitation.email,
            displayName: invitation.displayName,
            role: invitation.role,
            passwordHash,
            now,
          });
          if (!(await markInvitationAccepted(trx, invitation.id, created.id, now)))
            throw new NotFound('invitation', deadLink);
          await recordAudit(context, trx, request, {
            action: 'staff.invite.accept',
            recordType: 'user',
            recordId: created.id,
            userId: created.id,
            practiceId: created.practiceId,
            role: created.role,
          });
          return created;
        });
        void reply.code(201);
        return startLogin(context, request, reply, user);
      },
    }),
  ];
}
