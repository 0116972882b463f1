import { Alert, Button, Group, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { NoteView } from '../../../api/notes.js';
import { formatInstant } from '../../../format.js';
import { NoteReadout } from './NoteReadout.js';

/** Two versions of one note: say so, show the other one, and let the person choose. */
export function ConflictNotice({
  theirs,
  timeZone,
  sessionMinutes,
  onUseTheirs,
  onKeepMine,
}: {
  theirs: NoteView;
  timeZone: string;
  sessionMinutes: number;
  onUseTheirs: () => void;
  onKeepMine: () => void;
}) {
  const [showing, other] = useDisclosure(false);
  return (
    <Alert color="orange" title="Conflict: this note has another version" role="alert">
      <Text size="sm" mb="xs">
        This note was changed on another device or tab (saved{' '}
        {formatInstant(theirs.updatedAt, timeZone)}). Your changes are kept here; nothing has been
        overwritten and nothing more is saved until you choose which version to keep.
      </Text>
      <Group gap="sm" mb={showing ? 'sm' : 0}>
        <Button variant="default" onClick={other.toggle} aria-expanded={showing}>
          {showing ? 'Hide the other version' : 'Show the other version'}
        </Button>
        <Button variant="default" onClick={onUseTheirs}>
          Load the other version
        </Button>
        <Button color="red" onClick={onKeepMine}>
          Keep mine and overwrite the other
        </Button>
      </Group>
      <Text size="xs">
        Loading the other version discards the changes on this device. Keeping yours replaces the
        other version with what you see here.
      </Text>
      {showing && (
        <div className="conflict-other-version">
          <Title order={2} size="h4" mb="xs">
            The other version
          </Title>
          <NoteReadout content={theirs.content} sessionMinutes={sessionMinutes} headingLevel={3} />
        </div>
      )}
    </Alert>
  );
}
