import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { NoteContent } from '../../../../domain/notes.js';
import { noteKeys, saveNoteDraft, type NoteRecord } from '../../../api/notes.js';
import { sessionKeys } from '../../../api/sessions.js';
import { noteDraftStorage } from './draftStorage.js';
import { NoteDraftKeeper } from './noteDraftKeeper.js';

/** The draft of one session's note, kept on this device and saved to the server as it changes. */
export function useNoteDraft(sessionId: string, userId: string, record: NoteRecord) {
  const queryClient = useQueryClient();
  const [keeper] = useState(
    () =>
      new NoteDraftKeeper({
        server: record,
        storage: noteDraftStorage(userId, sessionId),
        save: async (content: NoteContent, etag: string) => {
          const saved = await saveNoteDraft(sessionId, content, etag);
          // Opening the session again starts from this version, not the one first read.
          queryClient.setQueryData<NoteRecord>(noteKeys.one(sessionId), (previous) => ({
            addenda: previous?.addenda ?? [],
            note: saved.note,
            etag: saved.etag,
          }));
          if (etag === '"0"') {
            // A first save turns a booked session into one in progress, with an unsigned note.
            void queryClient.invalidateQueries({ queryKey: sessionKeys.all });
            void queryClient.invalidateQueries({ queryKey: noteKeys.unsigned });
          }
          return saved;
        },
      }),
  );
  useEffect(() => {
    keeper.start();
    return () => keeper.stop();
  }, [keeper]);
  const snapshot = useSyncExternalStore(keeper.subscribe, keeper.getSnapshot);
  return { snapshot, keeper };
}
