import { z } from 'zod';
import { Conflict, Invalid, NotFound } from '../../domain/errors.js';
import { afterFailedLogin, isLocked } from '../../domain/staff.js';
import {
  Addendum,
  AddendumInput,
  NoteContent,
  NoteSaved,
  NoteView,
  NoteWithAddenda,
  SignInput,
  noteContentIssues,
} from '../../domain/notes.js';
import { usableInNote } from '../../domain/catalogue.js';
import { sessionMinutes, tookPlace } from '../../domain/sessions.js';
import { catalogueEntriesNamed, listProducts, listTechniques } from '../../store/catalogue.js';
import {
  findNote,
  insertAddendum,
  listAddenda,
  listNoteVersions,
  saveDraft,
  signNote,
  type Note,
} from '../../store/notes.js';
import { findSessionForNoteSave, setSessionStatus } from '../../store/sessions.js';
import { findUserById, recordLoginAttempt } from '../../store/users.js';
import { inWriteTransaction } from '../../store/write-groups.js';
import { displayName } from '../../domain/clients.js';
import { findClient } from '../../store/clients.js';
import { findPractice } from '../../store/practices.js';
import { recordAudit } from '../audit-trail.js';
import { renderNotePdf } from '../pdf/note-pdf.js';
import type { AppContext } from '../context.js';
import { etagFor, versionFromIfMatch } from '../etag.js';
import { IdParams, defineRoute, type RouteSpec } from '../routing.js';
import { verifyPassword } from '../secrets.js';
import { returnMinimal } from '../prefer.js';
import { lockedOut } from './auth.js';
import { authorizeFoundSession, loadAuthorizedSession } from '../session-access.js';
import { recordAlertsAtSigning, refuseBlockedStart } from '../commands/session-safety.js';
import { checkConsentBeforeSigning } from '../commands/consents.js';

/** The ETag of a note that does not exist yet is "0": the first save says If-Match: "0". */
const noteEtag = (note: Note | undefined) => etagFor(note?.version ?? 0);

export function noteRoutes(context: AppContext): RouteSpec[] {
  const { store, runtime } = context;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/sessions/:id/note',
      operationId: 'getNote',
      summary: 'The session’s SOAP note (null before the first save) with its addenda (audited)',
      tag: 'notes',
      auth: 'user',
      params: IdParams,
      responses: { 200: NoteWithAddenda },
      handler: async ({ actor, params, request, reply }) => {
        const { session } = await loadAuthorizedSession(
          context,
          request,
          actor,
          params.id,
          'clinical.read',
        );
        const note = await findNote(store.db, actor.practiceId, session.id);
        await recordAudit(context, store.db, request, {
          action: 'note.read',
          recordType: 'note',
          recordId: session.id,
          clientId: session.clientId,
        });
        void reply.header('etag', noteEtag(note));
        return { note: note ?? null, addenda: note ? await listAddenda(store.db, session.id) : [] };
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/sessions/:id/note',
      operationId: 'saveNoteDraft',
      summary:
        'Save the draft note (autosave). If-Match "0" creates it; a signed note is refused. ' +
        'With Prefer: return=minimal the answer leaves out the content just sent',
      tag: 'notes',
      auth: 'user',
      params: IdParams,
      body: NoteContent,
      conditional: true,
      responses: { 200: z.union([NoteView, NoteSaved]), 409: null, 412: null, 428: null },
      handler: async ({ actor, params, body, request, reply }) => {
        const expectedVersion = versionFromIfMatch(request.headers['if-match']);
        const found = await findSessionForNoteSave(store.db, actor.practiceId, params.id);
        const existing = found?.draft ?? null;
        // Whoever writes the first draft becomes its author; after that the draft is theirs.
        const { session } = await authorizeFoundSession(
          context,
          request,
          actor,
          params.id,
          found,
          'note.edit',
          { isAuthor: !existing || existing.authorId === actor.userId },
        );
        if (!tookPlace(session.status))
          throw new Conflict('This session did not take place; it has no note.');
        if (existing?.signedAt)
          throw new Conflict('This note is signed and locked. Add an addendum to correct it.');
        // What the saved draft already names was checked when it was added and stays usable
        // if retired since, so an autosave looks up only what is newly named (usually nothing).
        const named = {
          techniques: new Set(existing?.techniqueCodes),
          products: new Set(existing?.productIds),
        };
        const { techniques, products } = await catalogueEntriesNamed(store.db, actor.practiceId, {
          techniqueCodes: body.treatment.techniques
            .map((use) => use.technique)
            .filter((code) => !named.techniques.has(code)),
          productIds: body.treatment.products
            .map((use) => use.productId)
            .filter((id) => !named.products.has(id)),
        });
        const issues = noteContentIssues(body, {
          sessionMinutes: sessionMinutes(session),
          techniqueCodes: new Set([...usableInNote(techniques, []), ...named.techniques]),
          productIds: new Set([...usableInNote(products, []), ...named.products]),
        });
        if (issues.length > 0) throw new Invalid('The note has invalid fields.', issues);
        // The first save starts the session: absolute contraindications must be overridden.
        if (!existing) await refuseBlockedStart(context, request, actor, session);
        // Autosaves arrive in bursts from a busy practice: on SQLite they share a commit.
        const note = await inWriteTransaction(store.db, async (trx) => {
          const now = runtime.now().toISOString();
          const saved = await saveDraft(trx, {
            practiceId: actor.practiceId,
            sessionId: session.id,
            clientId: session.clientId,
            authorId: actor.userId,
            content: body,
            expectedVersion,
            now,
          });
          if (session.status === 'booked')
            await setSessionStatus(trx, session.id, 'in_progress', now);
          await recordAudit(context, trx, request, {
            action: 'note.save',
            recordType: 'note',
            recordId: session.id,
            clientId: session.clientId,
            detail: { version: saved.version },
          });
          return saved;
        });
        void reply.header('etag', etagFor(note.version));
        if (!returnMinimal(request, reply)) return note;
        const { content: _sent, ...saved } = note;
        return saved;
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/sessions/:id/note/sign',
      operationId: 'signNote',
      summary: 'Sign and lock the note: the author alone, re-confirming their password (If-Match)',
      tag: 'notes',
      auth: 'user',
      params: IdParams,
      body: SignInput,
      conditional: true,
      responses: { 200: NoteView, 401: null, 403: null, 409: null, 412: null },
      handler: async ({ actor, params, body, request, reply }) => {
        const expectedVersion = versionFromIfMatch(request.headers['if-match']);
        const draft = await findNote(store.db, actor.practiceId, params.id);
        const { session } = await loadAuthorizedSession(
          context,
          request,
          actor,
          params.id,
          'note.sign',
          { isAuthor: draft?.authorId === actor.userId },
        );
        if (!draft)
          throw new NotFound('note', 'There is no note to sign yet. Save the draft first.');
        if (draft.signedAt) throw new Conflict('This note is already signed.');
        if (!tookPlace(session.status))
          throw new Conflict('This session did not take place; its draft cannot be signed.');
        const account = await findUserById(store.db, actor.userId);
        const now = runtime.now();
        if (!account) throw new NotFound('account');
        // Re-confirming counts toward the same lockout as signing in, so a left-open session
        // cannot be used to guess the password.
        if (isLocked(account, now)) throw lockedOut(account.lockedUntil!, now);
        if (!(await verifyPassword(body.password, account.passwordHash))) {
          const next = afterFailedLogin(account, now);
          await recordLoginAttempt(store.db, account.id, next);
          await recordAudit(context, store.db, request, {
            action: 'note.sign',
            recordType: 'note',
            recordId: session.id,
            clientId: session.clientId,
            outcome: 'failed',
            detail: { reason: 'wrong_password' },
          });
          if (isLocked(next, now)) throw lockedOut(next.lockedUntil!, now);
          // 400 on the field, not 401: the user is still signed in, only this password is wrong.
          throw new Invalid('The note was not signed.', [
            { field: 'password', message: 'The password is wrong.' },
          ]);
        }
        if (account.failedLogins > 0)
          await recordLoginAttempt(store.db, account.id, { failedLogins: 0, lockedUntil: null });
        const client = (await findClient(store.db, actor.practiceId, session.clientId))!;
        const note = await store.db.transaction().execute(async (trx) => {
          const now = runtime.now().toISOString();
          // Without current treatment consent the note is signed only with a recorded reason.
          const consentLacking = await checkConsentBeforeSigning(trx, runtime, {
            client: {
              id: client.id,
              practiceId: actor.practiceId,
              dateOfBirth: client.dateOfBirth,
            },
            timeZone: actor.timeZone,
            sessionId: session.id,
            reason: body.consentExceptionReason,
            userId: actor.userId,
          });
          const signed = await signNote(trx, {
            practiceId: actor.practiceId,
            sessionId: session.id,
            expectedVersion,
            userId: actor.userId,
            serviceDate: session.serviceDate,
            versionId: runtime.newId(),
            now,
          });
          await setSessionStatus(trx, session.id, 'signed', now);
          await recordAlertsAtSigning(context, trx, actor, session, signed.content);
          await recordAudit(context, trx, request, {
            action: 'note.sign',
            recordType: 'note',
            recordId: session.id,
            clientId: session.clientId,
            ...(consentLacking === null
              ? {}
              : {
                  detail: {
                    consentException: {
                      lacking: consentLacking,
                      reason: body.consentExceptionReason,
                    },
                  },
                }),
          });
          return signed;
        });
        void reply.header('etag', etagFor(note.version));
        return note;
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/sessions/:id/note/addenda',
      operationId: 'addNoteAddendum',
      summary:
        'Correct or add to a signed note: an addendum with its reason; the original stays as it was',
      tag: 'notes',
      auth: 'user',
      params: IdParams,
      body: AddendumInput,
      responses: { 201: Addendum, 409: null },
      handler: async ({ actor, params, body, request, reply }) => {
        const { session } = await loadAuthorizedSession(
          context,
          request,
          actor,
          params.id,
          'clinical.write',
        );
        const note = await findNote(store.db, actor.practiceId, session.id);
        if (!note?.signedAt)
          throw new Conflict('Only a signed note takes addenda; edit the draft instead.');
        const id = runtime.newId();
        await store.db.transaction().execute(async (trx) => {
          const now = runtime.now().toISOString();
          // Marking the session first takes its row lock, so simultaneous addenda to one note
          // number their versions one after another instead of colliding (PostgreSQL).
          await setSessionStatus(trx, session.id, 'amended', now);
          await insertAddendum(trx, {
            id,
            practiceId: actor.practiceId,
            sessionId: session.id,
            authorId: actor.userId,
            reason: body.reason,
            text: body.text,
            now,
            versionId: runtime.newId(),
          });
          await recordAudit(context, trx, request, {
            action: 'note.addendum',
            recordType: 'note',
            recordId: session.id,
            clientId: session.clientId,
          });
        });
        void reply.code(201);
        return (await listAddenda(store.db, session.id)).find((addendum) => addendum.id === id);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/sessions/:id/note/versions',
      operationId: 'listNoteVersions',
      summary: 'Every version of a signed note: the signed original, then each addendum',
      tag: 'notes',
      auth: 'user',
      params: IdParams,
      responses: {
        200: z.object({
          versions: z.array(
            z.object({
              number: z.number().int(),
              kind: z.enum(['signed', 'addendum']),
              content: z.unknown(),
              createdBy: z.string(),
              createdAt: z.string(),
            }),
          ),
        }),
      },
      handler: async ({ actor, params, request }) => {
        const { session } = await loadAuthorizedSession(
          context,
          request,
          actor,
          params.id,
          'clinical.read',
        );
        await recordAudit(context, store.db, request, {
          action: 'note.versions',
          recordType: 'note',
          recordId: session.id,
          clientId: session.clientId,
        });
        return { versions: await listNoteVersions(store.db, session.id) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/sessions/:id/note.pdf',
      operationId: 'downloadNotePdf',
      summary: 'A signed note with its addenda as a PDF (audited as an export)',
      tag: 'notes',
      auth: 'user',
      params: IdParams,
      responses: { 200: 'pdf', 409: null },
      handler: async ({ actor, params, request, reply }) => {
        const { session } = await loadAuthorizedSession(
          context,
          request,
          actor,
          params.id,
          'clinical.read',
        );
        const note = await findNote(store.db, actor.practiceId, session.id);
        if (!note?.signedAt)
          throw new Conflict('Only a signed note can be downloaded; sign it first.');
        const [client, practice, signer, techniques, products, addenda] = await Promise.all([
          findClient(store.db, actor.practiceId, session.clientId),
          findPractice(store.db, actor.practiceId),
          findUserById(store.db, note.signedBy ?? note.authorId),
          listTechniques(store.db, actor.practiceId),
          listProducts(store.db, actor.practiceId),
          listAddenda(store.db, session.id),
        ]);
        const pdf = await renderNotePdf({
          practiceName: practice?.name ?? '',
          timeZone: actor.timeZone,
          clientName: client ? displayName(client) : '',
          clientBirthDate: client?.dateOfBirth ?? null,
          session,
          content: note.content,
          signedBy: signer?.displayName ?? '',
          signedAt: note.signedAt,
          addenda,
          techniqueNames: new Map(techniques.map((entry) => [entry.code, entry.name])),
          productNames: new Map(products.map((product) => [product.id, product.name])),
        });
        await recordAudit(context, store.db, request, {
          action: 'note.export',
          recordType: 'note',
          recordId: session.id,
          clientId: session.clientId,
          detail: { format: 'pdf' },
        });
        return reply
          .type('application/pdf')
          .header(
            'content-disposition',
            `attachment; filename="session-note-${session.serviceDate}.pdf"`,
          )
          .send(pdf);
      },
    }),
  ];
}
