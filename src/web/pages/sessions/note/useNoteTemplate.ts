import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { applyTemplate, type NoteTemplateView } from '../../../../domain/note-templates.js';
import { emptyNoteContent } from '../../../../domain/notes.js';
import { fetchNoteTemplate, noteTemplateKeys } from '../../../api/noteTemplates.js';
import { sameContent } from './draftStorage.js';
import type { NoteDraftKeeper } from './noteDraftKeeper.js';

/**
 * The session type's template, put into the note when it is new and empty. A note with any
 * words in it, here or on the server, is never touched. Without a template (none reached us)
 * the note simply starts empty.
 */
export function useNoteTemplate(
  sessionType: string,
  keeper: NoteDraftKeeper,
): NoteTemplateView | undefined {
  const query = useQuery({
    queryKey: noteTemplateKeys.one(sessionType),
    queryFn: async ({ signal }) => (await fetchNoteTemplate(sessionType, signal)).value,
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });
  const view = query.data;
  useEffect(() => {
    if (!view || !sameContent(keeper.getSnapshot().content, emptyNoteContent)) return;
    keeper.prefill((content) => applyTemplate(content, view.template));
  }, [keeper, view]);
  return view;
}
