import { z } from 'zod';
import { ClientInput, type Client } from '../../domain/clients.js';
import { Conflict, Invalid, NotFound, StaleVersion } from '../../domain/errors.js';
import { emptyHealthHistory } from '../../domain/health-history.js';
import {
  IntakeAccept,
  IntakeReject,
  IntakeSubmissionReview,
  IntakeSubmissionSummary,
  SubmissionStatus,
  type IntakeSubmission,
} from '../../domain/intake-links.js';
import {
  intakeToProposedChanges,
  withClientChanges,
  type ClientProfile,
} from '../../domain/intake-mapping.js';
import { localDate } from '../../domain/time.js';
import type { Actor } from '../actor.js';
import { findClient, updateClient } from '../../store/clients.js';
import type { Db } from '../../store/database.js';
import { currentHealthHistory, saveHealthHistory } from '../../store/health-history.js';
import {
  findIntakeSubmission,
  listIntakeSubmissions,
  reviewIntakeSubmission,
} from '../../store/intake.js';
import { recordAudit } from '../audit-trail.js';
import { loadAuthorizedClient } from '../client-access.js';
import type { AppContext } from '../context.js';
import { authorize } from '../policy.js';
import { IdParams, defineRoute, type RouteSpec } from '../routing.js';

const SubmissionQuery = z.object({
  status: SubmissionStatus.optional(),
  clientId: z.string().min(1).max(64).optional(),
});

/** The client's record as ClientInput, the shape an update writes back. */
function inputOf(client: Client): ClientInput {
  const {
    id: _id,
    status: _s,
    archivedAt: _a,
    version: _v,
    createdAt: _c,
    updatedAt: _u,
    ...input
  } = client;
  return input;
}

function summaryOf(submission: IntakeSubmission, client: Client) {
  return {
    id: submission.id,
    clientId: submission.clientId,
    clientName: `${client.preferredName ?? client.legalFirstName} ${client.legalLastName}`,
    status: submission.status,
    submittedAt: submission.submittedAt,
    reviewedAt: submission.reviewedAt,
    reviewedBy: submission.reviewedBy,
    reviewNote: submission.reviewNote,
  };
}

export function intakeReviewRoutes(context: AppContext): RouteSpec[] {
  const { store, runtime } = context;

  /** What accepting would change in the record as it is now; ids are fresh each time. */
  async function proposalFor(db: Db, actor: Actor, submission: IntakeSubmission, client: Client) {
    const current = await currentHealthHistory(db, actor.practiceId, client.id);
    const proposal = intakeToProposedChanges(
      submission.form,
      submission.answers,
      { history: current?.history ?? emptyHealthHistory(), client: client as ClientProfile },
      { newId: runtime.newId, today: localDate(runtime.now(), actor.timeZone) },
    );
    return { proposal, historyNumber: current?.number ?? 0 };
  }

  /** The submission and its client, when the actor may review this client's intake. */
  async function loadSubmission(
    actor: Actor,
    request: Parameters<typeof loadAuthorizedClient>[1],
    id: string,
  ) {
    const submission = await findIntakeSubmission(store.db, actor.practiceId, id);
    if (!submission) throw new NotFound('intake submission');
    const { client } = await loadAuthorizedClient(
      context,
      request,
      actor,
      submission.clientId,
      'intake.review',
    );
    return { submission, client };
  }

  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/intake-submissions',
      operationId: 'listIntakeSubmissions',
      summary: 'Intake submissions, newest first, with how many wait for review',
      tag: 'intake',
      auth: 'user',
      query: SubmissionQuery,
      responses: {
        200: z.object({
          submissions: z.array(IntakeSubmissionSummary),
          toReview: z.number().int(),
        }),
      },
      handler: async ({ actor, query, request }) => {
        if (query.clientId)
          await loadAuthorizedClient(context, request, actor, query.clientId, 'intake.review');
        else authorize(actor, 'intake.review');
        const assigned = actor.role === 'therapist' && actor.settings.careModel === 'assigned';
        const listing = await listIntakeSubmissions(store.db, {
          practiceId: actor.practiceId,
          ...(query.clientId ? { clientId: query.clientId } : {}),
          ...(assigned ? { careTeamOf: actor.userId } : {}),
        });
        await recordAudit(context, store.db, request, {
          action: 'intake.submission.list',
          recordType: 'intake_submission',
          clientId: query.clientId ?? null,
        });
        return {
          submissions: listing.filter((entry) => !query.status || entry.status === query.status),
          toReview: listing.filter((entry) => entry.status === 'to_review').length,
        };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/intake-submissions/:id',
      operationId: 'getIntakeSubmission',
      summary: 'A submission with its answers and the changes accepting it would make',
      tag: 'intake',
      auth: 'user',
      params: IdParams,
      responses: { 200: IntakeSubmissionReview, 404: null },
      handler: async ({ actor, params, request }) => {
        const { submission, client } = await loadSubmission(actor, request, params.id);
        const { proposal, historyNumber } = await proposalFor(store.db, actor, submission, client);
        await recordAudit(context, store.db, request, {
          action: 'intake.submission.read',
          recordType: 'intake_submission',
          recordId: submission.id,
          clientId: client.id,
        });
        const review: IntakeSubmissionReview = {
          ...summaryOf(submission, client),
          form: submission.form,
          answers: submission.answers,
          historyNumber,
          clientVersion: client.version,
          proposal: submission.status === 'to_review' ? proposal : null,
        };
        return review;
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/intake-submissions/:id/accept',
      operationId: 'acceptIntakeSubmission',
      summary:
        'Accept a submission into the record: profile changes and a new health-history version, together',
      tag: 'intake',
      auth: 'user',
      params: IdParams,
      body: IntakeAccept,
      responses: { 200: IntakeSubmissionSummary, 404: null, 409: null, 412: null },
      handler: async ({ actor, params, body, request }) => {
        await loadSubmission(actor, request, params.id);
        return store.db.transaction().execute(async (trx) => {
          const submission = await findIntakeSubmission(trx, actor.practiceId, params.id);
          const client =
            submission && (await findClient(trx, actor.practiceId, submission.clientId));
          if (!submission || !client) throw new NotFound('intake submission');
          if (submission.status !== 'to_review')
            throw new Conflict('This submission was already reviewed.');
          // The proposal the reviewer saw was made against these versions; any change since
          // would make it a different proposal, so they must look again.
          if (client.version !== body.clientVersion)
            throw new StaleVersion('client', client, client.version);
          const { proposal, historyNumber } = await proposalFor(trx, actor, submission, client);
          if (historyNumber !== body.historyNumber) {
            const current = await currentHealthHistory(trx, actor.practiceId, client.id);
            throw new StaleVersion(
              'health history',
              current ?? { number: 0, history: emptyHealthHistory() },
              historyNumber,
            );
          }
          const now = runtime.now().toISOString();
          if (proposal.clientChanges.length > 0) {
            const input = ClientInput.safeParse(
              withClientChanges(inputOf(client), proposal.clientChanges),
            );
            if (!input.success)
              throw new Invalid(
                'The client’s answers do not fit the client record.',
                input.error.issues.map((issue) => ({
                  field: issue.path.join('.'),
                  message: issue.message,
                })),
              );
            await updateClient(
              trx,
              actor.practiceId,
              client.id,
              client.version,
              input.data,
              actor.userId,
              now,
            );
          }
          const saved =
            proposal.historyChanges.length > 0
              ? await saveHealthHistory(trx, {
                  practiceId: actor.practiceId,
                  clientId: client.id,
                  expectedNumber: historyNumber,
                  history: proposal.history,
                  recordedBy: actor.userId,
                  source: 'intake',
                  now,
                  id: runtime.newId(),
                })
              : null;
          if (
            !(await reviewIntakeSubmission(trx, {
              practiceId: actor.practiceId,
              id: submission.id,
              status: 'accepted',
              userId: actor.userId,
              note: null,
              now,
            }))
          )
            throw new Conflict('This submission was already reviewed.');
          await recordAudit(context, trx, request, {
            action: 'intake.submission.accept',
            recordType: 'intake_submission',
            recordId: submission.id,
            clientId: client.id,
            // Which fields changed, never their values.
            detail: {
              clientFields: proposal.clientChanges.map((change) => change.field),
              historyNumber: saved?.number ?? historyNumber,
            },
          });
          return summaryOf(
            { ...submission, status: 'accepted', reviewedAt: now, reviewedBy: actor.userId },
            client,
          );
        });
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/intake-submissions/:id/reject',
      operationId: 'rejectIntakeSubmission',
      summary: 'Reject a submission with a note; nothing in the record changes',
      tag: 'intake',
      auth: 'user',
      params: IdParams,
      body: IntakeReject,
      responses: { 200: IntakeSubmissionSummary, 404: null, 409: null },
      handler: async ({ actor, params, body, request }) => {
        const { submission, client } = await loadSubmission(actor, request, params.id);
        const now = runtime.now().toISOString();
        await store.db.transaction().execute(async (trx) => {
          if (
            !(await reviewIntakeSubmission(trx, {
              practiceId: actor.practiceId,
              id: submission.id,
              status: 'rejected',
              userId: actor.userId,
              note: body.note,
              now,
            }))
          )
            throw new Conflict('This submission was already reviewed.');
          await recordAudit(context, trx, request, {
            action: 'intake.submission.reject',
            recordType: 'intake_submission',
            recordId: submission.id,
            clientId: client.id,
          });
        });
        return summaryOf(
          {
            ...submission,
            status: 'rejected',
            reviewedAt: now,
            reviewedBy: actor.userId,
            reviewNote: body.note,
          },
          client,
        );
      },
    }),
  ];
}
