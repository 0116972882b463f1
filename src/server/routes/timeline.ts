import { z } from 'zod';
import { NotFound } from '../../domain/errors.js';
import { Session } from '../../domain/sessions.js';
import { findNote } from '../../store/notes.js';
import { clientTimeline } from '../../store/sessions.js';
import { recordStamp } from '../../store/record-stamps.js';
import { recordAudit } from '../audit-trail.js';
import { loadAuthorizedClient } from '../client-access.js';
import { sendPreparedJson } from '../compression.js';
import type { AppContext } from '../context.js';
import { KeptAnswers } from '../kept-answers.js';
import { can } from '../policy.js';
import { IdParams, defineRoute, type RouteSpec } from '../routing.js';
import { loadAuthorizedSession } from '../session-access.js';

const TimelineEntry = z.object({
  session: Session,
  /** Clinical fields are null for front desk, who sees the schedule but never clinical content. */
  painBefore: z.number().int().nullable(),
  painAfter: z.number().int().nullable(),
  techniques: z.array(z.string()),
  regions: z.array(z.string()),
  /** The session's health-history check recorded changes (false for front desk). */
  healthHistoryChanged: z.boolean(),
});
const TimelinePage = z.object({ entries: z.array(TimelineEntry), next: z.string().nullable() });
type TimelinePage = z.infer<typeof TimelinePage>;

/**
 * Pages of a client's timeline, kept under the client's record stamp: the chart opens the
 * first page every time it is shown, and it changes only when the client's record does.
 */
const keptPages = new KeptAnswers<TimelinePage>({ entries: 512, jsonSize: 16e6 });

const TimelineQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Keyset cursor from the previous page: `<startsAt>|<sessionId>`. */
  before: z
    .string()
    .max(120)
    .regex(/^[^|]+\|[^|]+$/, 'Must be the cursor from the previous page.')
    .optional(),
});

export function timelineRoutes(context: AppContext): RouteSpec[] {
  const { store } = context;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/clients/:id/timeline',
      operationId: 'getClientTimeline',
      summary:
        'A client’s sessions, newest first, with pain before → after, techniques and regions',
      tag: 'sessions',
      auth: 'user',
      params: IdParams,
      query: TimelineQuery,
      responses: {
        200: TimelinePage,
      },
      handler: async ({ actor, params, query, request, reply }) => {
        const { client, facts } = await loadAuthorizedClient(
          context,
          request,
          actor,
          params.id,
          'schedule.read',
        );
        const clinical = can(actor, 'clinical.read', facts);
        const db = store.db;
        // The stamp is read before the page (see record-stamps.ts).
        const stamp = await recordStamp(db, actor.practiceId, client.id);
        const key = [actor.practiceId, client.id, query.limit, query.before ?? '', clinical];
        const page = await keptPages.answer(db, key.join('|'), stamp, async () => {
          const [startsAt, id] = query.before?.split('|') ?? [];
          const entries = await clientTimeline(db, actor.practiceId, client.id, {
            limit: query.limit,
            before: startsAt && id ? { startsAt, id } : undefined,
          });
          const last = entries[entries.length - 1];
          return {
            entries: clinical
              ? entries
              : entries.map((entry) => ({
                  ...entry,
                  painBefore: null,
                  painAfter: null,
                  techniques: [],
                  regions: [],
                  healthHistoryChanged: false,
                })),
            next:
              entries.length === query.limit && last
                ? `${last.session.startsAt}|${last.session.id}`
                : null,
          };
        });
        await recordAudit(context, db, request, {
          action: 'client.timeline',
          recordType: 'client',
          recordId: client.id,
          clientId: client.id,
          detail: { clinical },
        });
        return sendPreparedJson(request, reply, page);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/sessions/:id/last-plan',
      operationId: 'getLastPlan',
      summary:
        'The plan of the client’s most recent signed note before this session, for “start from last plan”',
      tag: 'notes',
      auth: 'user',
      params: IdParams,
      responses: {
        200: z.object({
          fromSessionId: z.string(),
          startsAt: z.string(),
          focus: z.string(),
          homeCare: z.string(),
          frequency: z.string(),
        }),
        404: null,
      },
      handler: async ({ actor, params, request }) => {
        const { session } = await loadAuthorizedSession(
          context,
          request,
          actor,
          params.id,
          'clinical.read',
        );
        // Walk back through earlier sessions (a page at a time) to the last signed note.
        let before: { startsAt: string; id: string } | undefined = {
          startsAt: session.startsAt,
          id: session.id,
        };
        while (before) {
          const page = await clientTimeline(store.db, actor.practiceId, session.clientId, {
            limit: 20,
            before,
          });
          for (const entry of page) {
            if (entry.session.status !== 'signed' && entry.session.status !== 'amended') continue;
            const note = await findNote(store.db, actor.practiceId, entry.session.id);
            if (!note?.signedAt) continue;
            await recordAudit(context, store.db, request, {
              action: 'note.read',
              recordType: 'note',
              recordId: entry.session.id,
              clientId: session.clientId,
              detail: { purpose: 'last_plan' },
            });
            const plan = note.content.plan;
            return {
              fromSessionId: entry.session.id,
              startsAt: entry.session.startsAt,
              focus: plan.focusNextTime,
              homeCare: plan.homeCare,
              frequency: plan.frequency,
            };
          }
          const last = page[page.length - 1];
          before =
            page.length === 20 && last
              ? { startsAt: last.session.startsAt, id: last.session.id }
              : undefined;
        }
        throw new NotFound('plan', 'This client has no signed note before this session.');
      },
    }),
  ];
}
