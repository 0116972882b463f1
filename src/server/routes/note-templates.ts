import { z } from 'zod';
import { usableInNote } from '../../domain/catalogue.js';
import { Invalid, NotFound, StaleVersion } from '../../domain/errors.js';
import {
  NoteTemplate,
  NoteTemplateView,
  noteTemplateIssues,
  templateFor,
} from '../../domain/note-templates.js';
import { listSessionTypes, listTechniques, type SessionTypeEntry } from '../../store/catalogue.js';
import type { Db } from '../../store/database.js';
import {
  findNoteTemplate,
  listNoteTemplates,
  saveNoteTemplate,
  type StoredNoteTemplate,
} from '../../store/note-templates.js';
import { recordAudit } from '../audit-trail.js';
import type { AppContext } from '../context.js';
import { etagFor, versionFromIfMatch } from '../etag.js';
import { authorize } from '../policy.js';
import { defineRoute, type RouteSpec } from '../routing.js';

const SessionTypeParams = z.object({ sessionType: z.string().min(1).max(40) });

/** A session type's template as the API shows it: the practice's own, or the shipped one. */
function present(
  sessionType: { code: string; name: string },
  stored: StoredNoteTemplate | undefined,
): NoteTemplateView {
  return {
    sessionType: sessionType.code,
    sessionTypeName: sessionType.name,
    template: templateFor(sessionType.code, stored?.template),
    customised: stored !== undefined,
    version: stored?.version ?? 0,
    updatedAt: stored?.updatedAt ?? null,
  };
}

async function sessionTypeOf(db: Db, practiceId: string, code: string): Promise<SessionTypeEntry> {
  const found = (await listSessionTypes(db, practiceId)).find((type) => type.code === code);
  if (!found) throw new NotFound('session type');
  return found;
}

export function noteTemplateRoutes(context: AppContext): RouteSpec[] {
  const { store, runtime } = context;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/note-templates',
      operationId: 'listNoteTemplates',
      summary: 'The note template of every session type the practice offers',
      tag: 'note-templates',
      auth: 'user',
      responses: { 200: z.object({ templates: z.array(NoteTemplateView) }) },
      handler: async ({ actor }) => {
        authorize(actor, 'noteTemplate.read');
        const [sessionTypes, stored] = await Promise.all([
          listSessionTypes(store.db, actor.practiceId),
          listNoteTemplates(store.db, actor.practiceId),
        ]);
        const saved = new Map(stored.map((template) => [template.sessionType, template]));
        return {
          templates: sessionTypes
            .filter((type) => type.retiredAt === null)
            .map((type) => present(type, saved.get(type.code))),
        };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/note-templates/:sessionType',
      operationId: 'getNoteTemplate',
      summary: 'The note template a new note of this session type starts from',
      tag: 'note-templates',
      auth: 'user',
      params: SessionTypeParams,
      responses: { 200: NoteTemplateView, 404: null },
      handler: async ({ actor, params, reply }) => {
        authorize(actor, 'noteTemplate.read');
        const type = await sessionTypeOf(store.db, actor.practiceId, params.sessionType);
        const view = present(
          type,
          await findNoteTemplate(store.db, actor.practiceId, params.sessionType),
        );
        void reply.header('etag', etagFor(view.version));
        return view;
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/note-templates/:sessionType',
      operationId: 'updateNoteTemplate',
      summary:
        'Change a session type’s note template (owner, If-Match; "0" replaces the shipped one)',
      tag: 'note-templates',
      auth: 'user',
      params: SessionTypeParams,
      body: NoteTemplate,
      conditional: true,
      responses: { 200: NoteTemplateView, 404: null, 412: null, 428: null },
      handler: async ({ actor, params, body, request, reply }) => {
        authorize(actor, 'noteTemplate.manage');
        const expectedVersion = versionFromIfMatch(request.headers['if-match']);
        const view = await store.db.transaction().execute(async (trx) => {
          const type = await sessionTypeOf(trx, actor.practiceId, params.sessionType);
          const current = await findNoteTemplate(trx, actor.practiceId, type.code);
          const techniques = await listTechniques(trx, actor.practiceId);
          const issues = noteTemplateIssues(body, {
            sessionMinutes: type.minutes,
            // A retired technique the template already suggests may stay; no new ones.
            techniqueCodes: usableInNote(
              techniques.map((entry) => ({ key: entry.code, retiredAt: entry.retiredAt })),
              current?.template.treatment.techniques.map((use) => use.technique) ?? [],
            ),
          });
          if (issues.length > 0) throw new Invalid('The template has invalid fields.', issues);
          let saved: StoredNoteTemplate;
          try {
            saved = await saveNoteTemplate(trx, {
              id: runtime.newId(),
              practiceId: actor.practiceId,
              sessionType: type.code,
              template: body,
              expectedVersion,
              userId: actor.userId,
              now: runtime.now().toISOString(),
            });
          } catch (error) {
            if (!(error instanceof StaleVersion)) throw error;
            // The writer is shown the template as the API presents it, shipped or saved.
            const latest = present(type, await findNoteTemplate(trx, actor.practiceId, type.code));
            throw new StaleVersion('note template', latest, latest.version);
          }
          await recordAudit(context, trx, request, {
            action: 'noteTemplate.update',
            recordType: 'note_template',
            recordId: saved.id,
            detail: { sessionType: type.code, version: saved.version },
          });
          return present(type, saved);
        });
        void reply.header('etag', etagFor(view.version));
        return view;
      },
    }),
  ];
}
