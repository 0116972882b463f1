import { z } from 'zod';
import type { NoteContent } from '../../domain/notes.js';
import {
  Addendum,
  NoteSaved,
  NoteSearchHit,
  NoteView,
  NoteWithAddenda,
} from '../../domain/notes.js';

export { Addendum, NoteView };
import { get, request, versionTag, withQuery } from './client.js';

/** A session's note as last read, with the ETag its next save must name ("0" before any). */
export interface NoteRecord {
  note: NoteView | null;
  addenda: Addendum[];
  etag: string;
}

export const noteKeys = {
  all: ['notes'] as const,
  one: (sessionId: string) => ['notes', 'one', sessionId] as const,
  versions: (sessionId: string) => ['notes', 'versions', sessionId] as const,
  unsigned: ['notes', 'unsigned'] as const,
  search: (query: string) => ['notes', 'search', query] as const,
};

const notePath = (sessionId: string) => `/api/v1/sessions/${encodeURIComponent(sessionId)}/note`;

export async function fetchNote(sessionId: string, signal?: AbortSignal): Promise<NoteRecord> {
  const response = await request('GET', notePath(sessionId), {
    schema: NoteWithAddenda,
    ...(signal ? { signal } : {}),
  });
  const { note, addenda } = response.value;
  return { note, addenda, etag: response.etag ?? versionTag(note?.version ?? 0) };
}

/**
 * Saves the draft; `etag` names the version it was based on ("0" creates the note). The server
 * is asked not to send back the content this device has just sent, only the note's new state.
 */
export async function saveNoteDraft(
  sessionId: string,
  content: NoteContent,
  etag: string,
): Promise<{ note: NoteView; etag: string }> {
  const response = await request('PUT', notePath(sessionId), {
    body: content,
    ifMatch: etag,
    prefer: 'return=minimal',
    schema: NoteSaved,
  });
  const note: NoteView = { ...response.value, content };
  return { note, etag: response.etag ?? versionTag(note.version) };
}

export async function signNote(
  sessionId: string,
  password: string,
  etag: string,
  /** Why the note is signed without current treatment consent, when the API asked for it. */
  consentExceptionReason: string | null = null,
): Promise<{ note: NoteView; etag: string }> {
  const response = await request('POST', `${notePath(sessionId)}/sign`, {
    body: consentExceptionReason === null ? { password } : { password, consentExceptionReason },
    ifMatch: etag,
    schema: NoteView,
    // A wrong password answers 401 without ending the session.
    expectSignedIn: false,
  });
  return { note: response.value, etag: response.etag ?? versionTag(response.value.version) };
}

export async function addAddendum(
  sessionId: string,
  addendum: { reason: string; text: string },
): Promise<Addendum> {
  const { value } = await request('POST', `${notePath(sessionId)}/addenda`, {
    body: addendum,
    schema: Addendum,
  });
  return value;
}

export const NoteVersion = z.object({
  number: z.number().int(),
  kind: z.enum(['signed', 'addendum']),
  content: z.unknown(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type NoteVersion = z.infer<typeof NoteVersion>;

export async function fetchNoteVersions(sessionId: string, signal?: AbortSignal) {
  return (
    await get(
      `${notePath(sessionId)}/versions`,
      z.object({ versions: z.array(NoteVersion) }),
      signal,
    )
  ).versions;
}

export const LastPlan = z.object({
  fromSessionId: z.string(),
  startsAt: z.string(),
  focus: z.string(),
  homeCare: z.string(),
  frequency: z.string(),
});
export type LastPlan = z.infer<typeof LastPlan>;

export function fetchLastPlan(sessionId: string): Promise<LastPlan> {
  return get(`/api/v1/sessions/${encodeURIComponent(sessionId)}/last-plan`, LastPlan);
}

export const UnsignedNote = z.object({
  sessionId: z.string(),
  clientName: z.string(),
  startsAt: z.string(),
  updatedAt: z.string(),
  overdue: z.boolean(),
});
export type UnsignedNote = z.infer<typeof UnsignedNote>;

export async function listUnsignedNotes(signal?: AbortSignal): Promise<UnsignedNote[]> {
  return (await get('/api/v1/notes/unsigned', z.object({ notes: z.array(UnsignedNote) }), signal))
    .notes;
}

export async function searchNotes(query: string, signal?: AbortSignal): Promise<NoteSearchHit[]> {
  const path = withQuery('/api/v1/notes/search', { q: query });
  return (await get(path, z.object({ hits: z.array(NoteSearchHit) }), signal)).hits;
}
