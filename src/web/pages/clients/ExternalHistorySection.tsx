import { Accordion, Badge, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  externalRecordKindLabels,
  type ExternalHistory,
  type ExternalRecord,
} from '../../../domain/external-records.js';
import { fetchExternalHistory, importKeys } from '../../api/imports.js';
import { LoadError } from '../../components/PageStatus.js';
import { formatCalendarDate, formatDayOf } from '../../format.js';

/** Visits and unlinked records shown before "Show all". */
const firstShown = 15;

/** A source's date as a reader wants it: the day, or the month or year it gave. */
function when(record: ExternalRecord): string {
  if (!record.occurredAt) return 'Date not given';
  return record.occurredAt.length >= 10
    ? formatCalendarDate(record.occurredAt.slice(0, 10))
    : record.occurredAt;
}

function sourcesLine(history: ExternalHistory, timeZone: string): string {
  return history.imports
    .map(
      (entry) =>
        `${entry.source}, imported ${formatDayOf(entry.importedAt, timeZone)}${entry.importedByName ? ` by ${entry.importedByName}` : ''}`,
    )
    .join('; ');
}

function RecordRows({ records }: { records: ExternalRecord[] }) {
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Kind</Table.Th>
            <Table.Th scope="col">What</Table.Th>
            <Table.Th scope="col">Result</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {records.map((record) => (
            <Table.Tr key={record.id}>
              <Table.Td>{externalRecordKindLabels[record.kind]}</Table.Td>
              <Table.Td>
                {record.title}
                {record.detail && (
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
                    {record.detail}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{record.value ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * What other providers recorded before the client came here, imported from their FHIR
 * record: read-only, labelled with its source, and kept out of this practice's own timeline
 * of sessions and notes. Shown only when there is some.
 */
export function ExternalHistorySection({
  clientId,
  timeZone,
}: {
  clientId: string;
  timeZone: string;
}) {
  const [showAll, setShowAll] = useState(false);
  const history = useQuery({
    queryKey: importKeys.externalHistory(clientId),
    queryFn: ({ signal }) => fetchExternalHistory(clientId, signal),
  });
  if (history.isError) {
    return <LoadError error={history.error} onRetry={() => void history.refetch()} />;
  }
  if (!history.data || history.data.records.length === 0) return null;

  const records = history.data.records;
  const byVisit = new Map<string, ExternalRecord[]>();
  for (const record of records) {
    if (record.encounterId)
      byVisit.set(record.encounterId, [...(byVisit.get(record.encounterId) ?? []), record]);
  }
  const items = records.filter((record) => record.kind === 'encounter' || !record.encounterId);
  const shown = showAll ? items : items.slice(0, firstShown);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="external-history">
      <Group justify="space-between" mb={4}>
        <Title order={2} size="h4" id="external-history">
          History from other providers
        </Title>
        <Badge color="gray" variant="outline">
          Read-only
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        From {sourcesLine(history.data, timeZone)}. Kept apart from this practice’s sessions and
        notes, and never changed here.
      </Text>
      <Accordion multiple variant="separated">
        {shown.map((item) => {
          const inside = byVisit.get(item.id) ?? [];
          const where = [item.organization, item.performer].filter(Boolean).join(' · ');
          return (
            <Accordion.Item key={item.id} value={item.id}>
              <Accordion.Control>
                <Text size="sm" fw={500}>
                  {when(item)} ·{' '}
                  {item.kind === 'encounter' ? '' : `${externalRecordKindLabels[item.kind]}: `}
                  {item.title}
                  {item.value ? ` — ${item.value}` : ''}
                </Text>
                {(where || inside.length > 0) && (
                  <Text size="xs" c="dimmed">
                    {[where, inside.length > 0 ? `${inside.length} recorded` : '']
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                )}
              </Accordion.Control>
              <Accordion.Panel>
                {item.detail && (
                  <Text size="sm" mb="xs" style={{ whiteSpace: 'pre-line' }}>
                    {item.detail}
                  </Text>
                )}
                {inside.length > 0 && <RecordRows records={inside} />}
                <Text size="xs" c="dimmed" mt="xs">
                  Source: {item.source}
                </Text>
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
      {items.length > firstShown && !showAll && (
        <Button variant="subtle" mt="xs" onClick={() => setShowAll(true)}>
          Show all {items.length}
        </Button>
      )}
      {history.data.total > records.length && (
        <Text size="xs" c="dimmed" mt="xs">
          The newest {records.length} of {history.data.total} records are shown.
        </Text>
      )}
    </Paper>
  );
}
