import './note.css';
import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import type { Session } from '../../../../domain/sessions.js';
import type { NoteRecord } from '../../../api/notes.js';
import { formatInstant } from '../../../format.js';
import { useSession } from '../../../session/SessionProvider.js';
import { useStaffNames } from '../useStaffNames.js';
import { Addenda } from './Addenda.js';
import { noteDraftStorage } from './draftStorage.js';
import { NoteReadout } from './NoteReadout.js';
import { VersionsDialog } from './VersionsDialog.js';

/** A signed note: locked, printable, with its addenda after it and every version on request. */
export function SignedNote({ visit, record }: { visit: Session; record: NoteRecord }) {
  const session = useSession();
  const timeZone = session.practice.timeZone;
  const staffName = useStaffNames();
  const [versions, versionsDialog] = useDisclosure(false);
  const note = record.note;
  // Changes made here that never reached the server before someone signed the note.
  const [deviceCopy] = useState(() => noteDraftStorage(session.user.id, visit.id));
  const [unsavedHere, setUnsavedHere] = useState(() => deviceCopy.read());
  if (!note?.signedAt) return null;

  return (
    <Stack gap="md" className="signed-note">
      <Paper withBorder p="md" className="signature">
        <Group justify="space-between" align="center" gap="sm">
          <div>
            <Text fw={700}>
              Signed by {staffName(note.signedBy ?? note.authorId)} at{' '}
              {formatInstant(note.signedAt, timeZone)}
            </Text>
            <Text size="sm">
              This note is locked. Corrections and additions are added as addenda below it.
            </Text>
          </div>
          <Group gap="sm" className="no-print">
            <Button variant="default" onClick={versionsDialog.open}>
              Versions
            </Button>
            <Button variant="default" onClick={() => window.print()}>
              Print
            </Button>
          </Group>
        </Group>
      </Paper>
      {unsavedHere && (
        <Alert color="orange" title="Changes on this device were not saved" className="no-print">
          <Text size="sm" mb="xs">
            Changes to this note made on this device (
            {formatInstant(unsavedHere.changedAt, timeZone)}) never reached the server, and the note
            has since been signed. If something is missing, add it as an addendum.
          </Text>
          <Button
            variant="default"
            size="xs"
            onClick={() => {
              deviceCopy.remove();
              setUnsavedHere(null);
            }}
          >
            Discard the copy on this device
          </Button>
        </Alert>
      )}
      <NoteReadout
        content={note.content}
        sessionMinutes={visit.actualMinutes ?? visit.plannedMinutes}
      />
      <Addenda sessionId={visit.id} addenda={record.addenda} timeZone={timeZone} />
      <VersionsDialog
        opened={versions}
        onClose={versionsDialog.close}
        sessionId={visit.id}
        sessionMinutes={visit.actualMinutes ?? visit.plannedMinutes}
      />
    </Stack>
  );
}
