import { z } from 'zod';
import { NoteContent } from '../../../../domain/notes.js';

/**
 * The copy of a note kept on this device the moment it changes, so a reload, a crashed tab or
 * a dropped connection loses nothing. It is removed once the server has the same words. Keys
 * name the user as well as the session, so a shared tablet never offers one clinician's
 * unsaved words to another.
 */
const StoredDraft = z.object({
  content: NoteContent,
  /** The server version these changes were made on: "0" before the note's first save. */
  baseEtag: z.string(),
  changedAt: z.string(),
});
export type StoredDraft = z.infer<typeof StoredDraft>;

export interface DraftStorage {
  read: () => StoredDraft | null;
  /** False when the browser refused (storage full or disabled). */
  write: (draft: StoredDraft) => boolean;
  remove: () => void;
}

export function noteDraftStorage(userId: string, sessionId: string): DraftStorage {
  const key = `palpate:note-draft:${userId}:${sessionId}`;
  return {
    read: () => {
      try {
        const text = localStorage.getItem(key);
        if (text === null) return null;
        const parsed = StoredDraft.safeParse(JSON.parse(text));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    write: (draft) => {
      try {
        localStorage.setItem(key, JSON.stringify(draft));
        return true;
      } catch {
        return false;
      }
    },
    remove: () => {
      try {
        localStorage.removeItem(key);
      } catch {
        // Storage unavailable: there is nothing to remove either.
      }
    },
  };
}

/** Two versions of a note say the same when their content serialises alike (same schema order). */
export function sameContent(a: NoteContent, b: NoteContent): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
