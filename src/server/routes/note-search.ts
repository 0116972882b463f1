import { z } from 'zod';
import { recordAudit } from '../audit-trail.js';
import type { AppContext } from '../context.js';
import { authorize, clientScope } from '../policy.js';
import { defineRoute, type RouteSpec } from '../routing.js';
import { searchNotes, unsignedNotes } from '../../store/notes.js';
import { NoteSearchHit, searchExcerpt } from '../../domain/notes.js';

const UnsignedNote = z.object({
  sessionId: z.string(),
  clientName: z.string(),
  startsAt: z.string(),
  updatedAt: z.string(),
  overdue: z.boolean(),
});

export function noteSearchRoutes(context: AppContext): RouteSpec[] {
  const { store, runtime } = context;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/notes/search',
      operationId: 'searchNotes',
      summary:
        'Full-text search over note text, within the clients you may see, most recently written first',
      tag: 'notes',
      auth: 'user',
      query: z.object({
        q: z.string().trim().min(1, 'Type what to search for.').max(200),
        limit: z.coerce.number().int().min(1).max(100).default(25),
      }),
      responses: { 200: z.object({ hits: z.array(NoteSearchHit) }) },
      handler: async ({ actor, query, request }) => {
        authorize(actor, 'note.search');
        const hits = await searchNotes(
          store.db,
          actor.practiceId,
          clientScope(actor, actor.settings.careModel),
          query.q,
          query.limit,
        );
        await recordAudit(context, store.db, request, {
          action: 'note.search',
          recordType: 'note',
          detail: { shown: hits.length },
        });
        return {
          hits: hits.map((hit) => ({
            sessionId: hit.sessionId,
            clientId: hit.clientId,
            clientName: hit.clientName,
            startsAt: hit.startsAt,
            excerpt: searchExcerpt(hit.text, query.q),
          })),
        };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/notes/unsigned',
      operationId: 'listUnsignedNotes',
      summary: 'Your unsigned notes, oldest first; those older than 24 hours are overdue',
      tag: 'notes',
      auth: 'user',
      responses: { 200: z.object({ notes: z.array(UnsignedNote) }) },
      handler: async ({ actor }) => {
        const now = runtime.now().getTime();
        const rows = await unsignedNotes(store.db, actor.practiceId, actor.userId);
        return {
          notes: rows.map((row) => ({
            sessionId: row.session_id,
            clientName: `${row.preferred_name ?? row.legal_first_name} ${row.legal_last_name}`,
            startsAt: row.starts_at,
            updatedAt: row.updated_at,
            overdue: now - new Date(row.starts_at).getTime() > 24 * 3_600_000,
          })),
        };
      },
    }),
  ];
}
