import { Alert, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import type { Session } from '../../../domain/sessions.js';
import { ApiProblem } from '../../api/client.js';
import { fetchNote, noteKeys } from '../../api/notes.js';
import { LoadError, PageLoader } from '../../components/PageStatus.js';
import { offers } from '../../session/permissions.js';
import { useSession } from '../../session/SessionProvider.js';
import { NoteReadout } from './note/NoteReadout.js';
import { SignedNote } from './note/SignedNote.js';
import { useStaffNames } from './useStaffNames.js';

// The editor (and the body chart inside it) is the heaviest part of the app: fetched only
// when a note is actually being written.
const NoteEditor = lazy(async () => ({
  default: (await import('./note/NoteEditor.js')).NoteEditor,
}));

/** The note part of a session page: the editor, the signed note, or why there is none. */
export function SessionNote({ visit }: { visit: Session }) {
  const session = useSession();
  const clinician = offers.clinicalNotes(session.user.role);
  const didNotHappen = visit.status === 'cancelled' || visit.status === 'no_show';
  const record = useQuery({
    queryKey: noteKeys.one(visit.id),
    queryFn: ({ signal }) => fetchNote(visit.id, signal),
    enabled: clinician,
    // Every read of a note is audited: read it when the page opens, not on every tab switch.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const staffName = useStaffNames();

  if (!clinician) {
    return (
      <Text>Session notes are clinical records: only therapists and the owner can open them.</Text>
    );
  }
  if (record.isPending) return <PageLoader />;
  if (record.isError) {
    if (record.error instanceof ApiProblem && record.error.status === 403) {
      return <Text>{record.error.detail ?? 'You may not read this note.'}</Text>;
    }
    return <LoadError error={record.error} onRetry={() => void record.refetch()} />;
  }

  const { note } = record.data;
  if (note?.signedAt) return <SignedNote visit={visit} record={record.data} />;
  if (didNotHappen) {
    return note ? (
      <>
        <Alert color="gray" title="This session did not take place" mb="md">
          The draft below was written before it was recorded as{' '}
          {visit.status === 'cancelled' ? 'cancelled' : 'a no-show'}; it can no longer change.
        </Alert>
        <NoteReadout
          content={note.content}
          sessionMinutes={visit.actualMinutes ?? visit.plannedMinutes}
        />
      </>
    ) : (
      <Text>This session did not take place, so it has no note.</Text>
    );
  }
  if (note && note.authorId !== session.user.id) {
    return (
      <>
        <Alert color="blue" title="A draft by someone else" mb="md">
          {staffName(note.authorId)} is writing this note. Only the author can change or sign it; it
          is shown here as it was last saved.
        </Alert>
        <NoteReadout
          content={note.content}
          sessionMinutes={visit.actualMinutes ?? visit.plannedMinutes}
        />
      </>
    );
  }
  return (
    <Suspense fallback={<PageLoader />}>
      <NoteEditor key={visit.id} visit={visit} record={record.data} />
    </Suspense>
  );
}
