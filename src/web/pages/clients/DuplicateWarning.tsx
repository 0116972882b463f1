import { Alert, Anchor, Button, Group, List, Text } from '@mantine/core';
import { Link } from 'wouter';
import { displayName, type DuplicateCandidate } from '../../../domain/clients.js';
import { formatCalendarDate } from '../../format.js';

const reasonText: Record<DuplicateCandidate['reasons'][number], string> = {
  name_and_birth_date: 'same name and date of birth',
  phone: 'same phone number',
};

/**
 * Two records for one person split their history, so a likely duplicate is shown before the
 * new client is saved. The person decides: open the existing client, or create anyway.
 */
export function DuplicateWarning({
  candidates,
  onCreateAnyway,
  creating,
}: {
  candidates: DuplicateCandidate[];
  onCreateAnyway: () => void;
  creating: boolean;
}) {
  return (
    <Alert color="yellow" title="This client may already be in Palpate" role="alert">
      <Text size="sm">
        {candidates.length === 1
          ? 'An existing client looks like the same person:'
          : `${candidates.length} existing clients look like the same person:`}
      </Text>
      <List size="sm" my="xs" spacing={4}>
        {candidates.map(({ client, reasons }) => (
          <List.Item key={client.id}>
            <Anchor inherit component={Link} href={`/clients/${encodeURIComponent(client.id)}`}>
              {displayName(client)}
            </Anchor>
            {client.dateOfBirth && `, born ${formatCalendarDate(client.dateOfBirth)}`}
            {client.status === 'archived' && ' (archived)'} —{' '}
            {reasons.map((r) => reasonText[r]).join(', ')}
          </List.Item>
        ))}
      </List>
      <Text size="sm" mb="sm">
        If this is a different person, create the new client anyway.
      </Text>
      <Group gap="sm">
        <Button variant="default" onClick={onCreateAnyway} loading={creating}>
          Create anyway
        </Button>
      </Group>
    </Alert>
  );
}
