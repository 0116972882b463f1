import { Badge, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { listUnsignedNotes, noteKeys, type UnsignedNote } from '../../api/notes.js';
import { LoadError, PageLoader } from '../../components/PageStatus.js';
import { formatInstant } from '../../format.js';

function summary(notes: UnsignedNote[]): string {
  const overdue = notes.filter((note) => note.overdue).length;
  const count = `${notes.length} note${notes.length === 1 ? '' : 's'} to finish and sign`;
  return overdue > 0 ? `${count}, ${overdue} overdue.` : `${count}.`;
}

/** Your notes not yet signed, oldest first; a note more than a day old is overdue. */
export function UnsignedNotes({ timeZone }: { timeZone: string }) {
  const notes = useQuery({
    queryKey: noteKeys.unsigned,
    queryFn: ({ signal }) => listUnsignedNotes(signal),
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="unsigned-notes">
      <Title order={2} size="h4" id="unsigned-notes" mb="xs">
        Unsigned notes
      </Title>
      {notes.isPending && <PageLoader />}
      {notes.isError && <LoadError error={notes.error} onRetry={() => void notes.refetch()} />}
      {notes.data?.length === 0 && <Text>Every note you wrote is signed.</Text>}
      {notes.data && notes.data.length > 0 && (
        <>
          <Text size="sm" mb="sm">
            {summary(notes.data)} Notes are due within 24 hours of the session.
          </Text>
          <ul className="plain-list">
            {notes.data.map((note) => (
              <li key={note.sessionId}>
                <UnstyledButton
                  component={Link}
                  href={`/sessions/${encodeURIComponent(note.sessionId)}`}
                  className="session-row"
                  data-overdue={note.overdue || undefined}
                >
                  <Group justify="space-between" wrap="nowrap" gap="sm">
                    <Stack gap={0} miw={0}>
                      <Text fw={600} truncate="end">
                        {note.clientName}
                      </Text>
                      <Text size="sm" c="dimmed">
                        Session {formatInstant(note.startsAt, timeZone)} · last changed{' '}
                        {formatInstant(note.updatedAt, timeZone)}
                      </Text>
                    </Stack>
                    {note.overdue && (
                      <Badge color="red" variant="light" style={{ flexShrink: 0 }}>
                        Overdue
                      </Badge>
                    )}
                  </Group>
                </UnstyledButton>
              </li>
            ))}
          </ul>
        </>
      )}
    </Paper>
  );
}
