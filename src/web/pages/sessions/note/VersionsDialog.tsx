import { Button, Modal, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { NoteContent } from '../../../../domain/notes.js';
import { fetchNoteVersions, noteKeys, type NoteVersion } from '../../../api/notes.js';
import { LoadError, PageLoader } from '../../../components/PageStatus.js';
import { formatInstant } from '../../../format.js';
import { useSession } from '../../../session/SessionProvider.js';
import { useStaffNames } from '../useStaffNames.js';
import { NoteReadout } from './NoteReadout.js';

const AddendumVersion = z.object({ reason: z.string(), text: z.string() });

/** Every version of a signed note: the note as signed, then each addendum in turn. */
export function VersionsDialog({
  opened,
  onClose,
  sessionId,
  sessionMinutes,
}: {
  opened: boolean;
  onClose: () => void;
  sessionId: string;
  sessionMinutes: number;
}) {
  const versions = useQuery({
    queryKey: noteKeys.versions(sessionId),
    queryFn: ({ signal }) => fetchNoteVersions(sessionId, signal),
    enabled: opened,
  });
  return (
    <Modal opened={opened} onClose={onClose} title="Versions of this note" size="xl">
      {versions.isPending && <PageLoader />}
      {versions.isError && (
        <LoadError error={versions.error} onRetry={() => void versions.refetch()} />
      )}
      {versions.data && (
        <ol className="versions-list">
          {versions.data.map((version) => (
            <VersionEntry key={version.number} version={version} sessionMinutes={sessionMinutes} />
          ))}
        </ol>
      )}
    </Modal>
  );
}

function VersionEntry({
  version,
  sessionMinutes,
}: {
  version: NoteVersion;
  sessionMinutes: number;
}) {
  const timeZone = useSession().practice.timeZone;
  const staffName = useStaffNames();
  const [open, setOpen] = useState(false);
  const who = `${staffName(version.createdBy)}, ${formatInstant(version.createdAt, timeZone)}`;
  const note = version.kind === 'signed' ? NoteContent.safeParse(version.content) : null;
  const addendum = version.kind === 'addendum' ? AddendumVersion.safeParse(version.content) : null;
  return (
    <li className="version">
      <Stack gap="xs">
        <Title order={3} size="h5">
          Version {version.number}: {version.kind === 'signed' ? 'the signed note' : 'addendum'}
        </Title>
        <Text size="sm">{who}</Text>
        {addendum?.success && (
          <>
            <Text size="sm">
              <strong>Reason:</strong> {addendum.data.reason}
            </Text>
            <Text size="sm" className="note-text">
              {addendum.data.text}
            </Text>
          </>
        )}
        {note?.success && (
          <>
            <div>
              <Button
                variant="default"
                size="xs"
                onClick={() => setOpen(!open)}
                aria-expanded={open}
              >
                {open ? 'Hide this version' : 'Show this version'}
              </Button>
            </div>
            {open && (
              <NoteReadout content={note.data} sessionMinutes={sessionMinutes} headingLevel={3} />
            )}
          </>
        )}
      </Stack>
    </li>
  );
}
