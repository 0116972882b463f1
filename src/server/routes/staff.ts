import { z } from 'zod';
import { Conflict, NotFound } from '../../domain/errors.js';
import { StaffCreate, StaffMember, StaffUpdate } from '../../domain/staff.js';
import { endLoginsOfUser } from '../../store/logins.js';
import { lockPractice } from '../../store/practices.js';
import {
  countActiveOwners,
  findUser,
  findUserByEmail,
  insertUser,
  listUsers,
  toStaffMember,
  updateUser,
} from '../../store/users.js';
import { recordAudit } from '../audit-trail.js';
import type { AppContext } from '../context.js';
import { etagFor, versionFromIfMatch } from '../etag.js';
import { authorize } from '../policy.js';
import { IdParams, defineRoute, type RouteSpec } from '../routing.js';
import { hashPassword } from '../secrets.js';

const Therapist = z.object({ id: z.string(), displayName: z.string(), role: z.string() });

export function staffRoutes(context: AppContext): RouteSpec[] {
  const { store, runtime, config } = context;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/staff',
      operationId: 'listStaff',
      summary: 'All staff accounts of the practice (owner)',
      tag: 'staff',
      auth: 'user',
      responses: { 200: z.object({ staff: z.array(StaffMember) }) },
      handler: async ({ actor }) => {
        authorize(actor, 'staff.list');
        const users = await listUsers(store.db, actor.practiceId);
        return { staff: users.map(toStaffMember) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/staff/therapists',
      operationId: 'listTherapists',
      summary: 'Active staff who can be a client’s therapist (names only)',
      tag: 'staff',
      auth: 'user',
      responses: { 200: z.object({ therapists: z.array(Therapist) }) },
      handler: async ({ actor }) => {
        authorize(actor, 'therapists.list');
        const users = await listUsers(store.db, actor.practiceId, { activeOnly: true });
        return {
          therapists: users
            .filter((user) => user.role !== 'front_desk')
            .map((user) => ({ id: user.id, displayName: user.displayName, role: user.role })),
        };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/staff',
      operationId: 'createStaff',
      summary: 'Create a staff account with an initial password (owner)',
      tag: 'staff',
      auth: 'user',
      body: StaffCreate,
      responses: { 201: StaffMember, 409: null },
      handler: async ({ actor, body, request, reply }) => {
        authorize(actor, 'staff.manage');
        const passwordHash = await hashPassword(body.password, config.scryptCost);
        const member = await store.db.transaction().execute(async (trx) => {
          if (await findUserByEmail(trx, body.email)) {
            throw new Conflict('That email already belongs to an account.', [
              { field: 'email', message: 'Already used by another account.' },
            ]);
          }
          const user = await insertUser(trx, {
            id: runtime.newId(),
            practiceId: actor.practiceId,
            email: body.email,
            displayName: body.displayName,
            role: body.role,
            passwordHash,
            now: runtime.now().toISOString(),
          });
          await recordAudit(context, trx, request, {
            action: 'staff.create',
            recordType: 'user',
            recordId: user.id,
            detail: { role: user.role },
          });
          return user;
        });
        void reply.code(201).header('etag', etagFor(member.version));
        return toStaffMember(member);
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/staff/:id',
      operationId: 'updateStaff',
      summary: 'Rename, change role, deactivate or reactivate a staff account (owner, If-Match)',
      tag: 'staff',
      auth: 'user',
      params: IdParams,
      body: StaffUpdate,
      conditional: true,
      responses: { 200: StaffMember, 409: null, 412: null, 428: null },
      handler: async ({ actor, params, body, request, reply }) => {
        authorize(actor, 'staff.manage');
        const expectedVersion = versionFromIfMatch(request.headers['if-match']);
        const member = await store.db.transaction().execute(async (trx) => {
          await lockPractice(trx, actor.practiceId);
          const before = await findUser(trx, actor.practiceId, params.id);
          if (!before) throw new NotFound('staff member');
          const updated = await updateUser(
            trx,
            actor.practiceId,
            params.id,
            expectedVersion,
            body,
            runtime.now().toISOString(),
          );
          // A practice must always keep an owner who can sign in and manage it.
          if (
            before.role === 'owner' &&
            (updated.role !== 'owner' || updated.status !== 'active')
          ) {
            if ((await countActiveOwners(trx, actor.practiceId)) === 0) {
              throw new Conflict('The practice must keep at least one active owner.', [
                {
                  field: before.role !== updated.role ? 'role' : 'status',
                  message: 'The last active owner cannot be changed.',
                },
              ]);
            }
          }
          if (updated.status === 'deactivated')
            await endLoginsOfUser(trx, updated.id, runtime.now().toISOString());
          await recordAudit(context, trx, request, {
            action: 'staff.update',
            recordType: 'user',
            recordId: updated.id,
            detail: { role: updated.role, status: updated.status },
          });
          return updated;
        });
        void reply.header('etag', etagFor(member.version));
        return toStaffMember(member);
      },
    }),
  ];
}
