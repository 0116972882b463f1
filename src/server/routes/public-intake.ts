import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Conflict, Unprocessable, type FieldIssue } from '../../domain/errors.js';
import { answersSchemaFor } from '../../domain/intake-answers.js';
import {
  PublicLinkView,
  linkState,
  type PublicLinkView as PublicLinkViewType,
} from '../../domain/intake-links.js';
import { localDate } from '../../domain/time.js';
import { findClient } from '../../store/clients.js';
import {
  findClientLinkByToken,
  insertIntakeSubmission,
  markClientLinkUsed,
  resolveClientLink,
  type StoredClientLink,
} from '../../store/intake.js';
import { findPractice } from '../../store/practices.js';
import { recordAudit } from '../audit-trail.js';
import { refuseDeadLink } from '../public-links.js';
import type { AppContext } from '../context.js';
import { defineRoute, type RouteSpec } from '../routing.js';
import { practiceIntakeForm } from './intake.js';
import { linkConsentSteps } from './public-consent.js';

/**
 * The pages a client opens from a secure link, without an account. Whatever is wrong with a
 * link (unknown, altered, expired, revoked) gets one answer, so a guess learns nothing; only
 * the holder of a real, used link is told it was already submitted.
 */
// Any string: a malformed token must get the same answer as a wrong one, not a 400.
const TokenParams = z.object({ token: z.string().max(200) });
const IntakeSubmit = z.object({ answers: z.record(z.string(), z.unknown()) });
const alreadySubmitted =
  'This form was already submitted. Thank you! Ask the practice if something needs changing.';

export function publicIntakeRoutes(context: AppContext): RouteSpec[] {
  const { store, runtime, config } = context;
  const rateLimit = { max: config.publicLinkRateLimitPerMinute, timeWindow: '1 minute' };

  const deadLink = (request: FastifyRequest, action: string, link?: StoredClientLink) =>
    refuseDeadLink(context, request, action, link);

  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/public/intake/:token',
      operationId: 'openIntakeLink',
      summary: 'What a client’s intake link shows: the form and their first name, nothing else',
      tag: 'public',
      auth: 'public',
      params: TokenParams,
      rateLimit,
      responses: { 200: PublicLinkView, 404: null, 429: null },
      handler: async ({ params, request }) => {
        const now = runtime.now();
        const link = await resolveClientLink(store.db, params.token, 'intake', now);
        if (!link)
          throw await deadLink(
            request,
            'intake.link.open',
            await findClientLinkByToken(store.db, params.token),
          );
        const [client, practice, current] = await Promise.all([
          findClient(store.db, link.practiceId, link.clientId),
          findPractice(store.db, link.practiceId),
          practiceIntakeForm(store.db, link.practiceId),
        ]);
        if (!client || !practice || client.status === 'archived')
          throw await deadLink(request, 'intake.link.open', link);
        await recordAudit(context, store.db, request, {
          action: 'intake.link.open',
          practiceId: link.practiceId,
          clientId: link.clientId,
          recordType: 'client_link',
          recordId: link.id,
        });
        const view: PublicLinkViewType = {
          practiceName: practice.name,
          firstName: client.preferredName ?? client.legalFirstName,
          expiresAt: link.expiresAt,
          steps: [
            ...(await linkConsentSteps(context, link, client, practice.timeZone)),
            { kind: 'intake', done: false, form: current.form },
          ],
        };
        return view;
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/public/intake/:token',
      operationId: 'submitIntake',
      summary: 'Send the answers to the intake form; once per link',
      tag: 'public',
      auth: 'public',
      params: TokenParams,
      body: IntakeSubmit,
      rateLimit,
      // A long form's text answers fit many times over; anything bigger is not a form.
      bodyLimit: 256 * 1024,
      responses: {
        201: z.object({ submittedAt: z.string() }),
        404: null,
        409: null,
        413: null,
        422: null,
        429: null,
      },
      handler: async ({ params, body, request, reply }) => {
        const now = runtime.now();
        const link = await resolveClientLink(store.db, params.token, 'intake', now);
        if (!link) {
          const known = await findClientLinkByToken(store.db, params.token);
          if (known && linkState(known, now) === 'used') {
            await recordAudit(context, store.db, request, {
              action: 'intake.submit',
              outcome: 'failed',
              practiceId: known.practiceId,
              clientId: known.clientId,
              recordType: 'client_link',
              recordId: known.id,
              detail: { reason: 'already_submitted' },
            });
            throw new Conflict(alreadySubmitted);
          }
          throw await deadLink(request, 'intake.submit', known);
        }
        const [current, practice] = await Promise.all([
          practiceIntakeForm(store.db, link.practiceId),
          findPractice(store.db, link.practiceId),
        ]);
        const today = localDate(now, practice?.timeZone ?? 'UTC');
        const parsed = answersSchemaFor(current.form, { today }).safeParse(body.answers);
        if (!parsed.success) {
          // One message per question (the first), keyed by the question's id.
          const issues: FieldIssue[] = [];
          for (const issue of parsed.error.issues) {
            const field = String(issue.path[0] ?? '(answers)');
            if (!issues.some((known) => known.field === field))
              issues.push({ field, message: issue.message });
          }
          await recordAudit(context, store.db, request, {
            action: 'intake.submit',
            outcome: 'failed',
            practiceId: link.practiceId,
            clientId: link.clientId,
            recordType: 'client_link',
            recordId: link.id,
            // Which questions, never what was answered.
            detail: { reason: 'invalid', questions: issues.map((issue) => issue.field) },
          });
          throw new Unprocessable('Some answers are missing or need a change.', issues);
        }
        const submission = await store.db.transaction().execute(async (trx) => {
          // Two taps on "Send" race here: the loser finds the link used and stores nothing.
          if (!(await markClientLinkUsed(trx, link.id, now.toISOString())))
            throw new Conflict(alreadySubmitted);
          const stored = await insertIntakeSubmission(trx, {
            id: runtime.newId(),
            linkId: link.id,
            practiceId: link.practiceId,
            clientId: link.clientId,
            formVersion: current.version,
            form: current.form,
            answers: parsed.data,
            submittedAt: now.toISOString(),
            ip: request.ip ?? null,
            userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
          });
          await recordAudit(context, trx, request, {
            action: 'intake.submit',
            practiceId: link.practiceId,
            clientId: link.clientId,
            recordType: 'intake_submission',
            recordId: stored.id,
            detail: { linkId: link.id, formVersion: current.version },
          });
          return stored;
        });
        void reply.code(201);
        return { submittedAt: submission.submittedAt };
      },
    }),
  ];
}
