import { z } from 'zod';
import { NoteTemplateView, type NoteTemplate } from '../../domain/note-templates.js';
import { get, getVersioned, sendVersioned, type Versioned } from './client.js';

export const noteTemplateKeys = {
  all: ['note-templates'] as const,
  list: ['note-templates', 'list'] as const,
  one: (sessionType: string) => ['note-templates', 'one', sessionType] as const,
};

const templatePath = (sessionType: string) =>
  `/api/v1/note-templates/${encodeURIComponent(sessionType)}`;

/** Every offered session type's template, the shipped one where the owner has not edited it. */
export async function fetchNoteTemplates(signal?: AbortSignal): Promise<NoteTemplateView[]> {
  const list = await get(
    '/api/v1/note-templates',
    z.object({ templates: z.array(NoteTemplateView) }),
    signal,
  );
  return list.templates;
}

/** The template a new note of this session type starts from. */
export function fetchNoteTemplate(
  sessionType: string,
  signal?: AbortSignal,
): Promise<Versioned<NoteTemplateView>> {
  return getVersioned(templatePath(sessionType), NoteTemplateView, signal);
}

/** Saves the owner's template; `etag` names the version edited ("0" for the shipped one). */
export function updateNoteTemplate(
  sessionType: string,
  template: NoteTemplate,
  etag: string,
): Promise<Versioned<NoteTemplateView>> {
  return sendVersioned('PUT', templatePath(sessionType), NoteTemplateView, {
    body: template,
    ifMatch: etag,
  });
}
