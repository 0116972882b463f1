import { Anchor, Button, DataList, Group, Paper, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link } from 'wouter';
import type { NoteContent } from '../../../../domain/notes.js';
import { fetchSessionRecord, sessionKeys } from '../../../api/sessions.js';
import { formatDayOf } from '../../../format.js';
import { useSession } from '../../../session/SessionProvider.js';

type CarriedOverPlan = NonNullable<NoteContent['carriedOver']>;

/**
 * The previous session's plan, shown apart and labelled with its source, so a reader always
 * knows it was brought forward and not written for this visit.
 */
export function CarriedOver({
  plan,
  onRemove,
  headingLevel = 2,
  landmark = true,
}: {
  plan: CarriedOverPlan;
  onRemove?: (() => void) | undefined;
  headingLevel?: 2 | 3;
  /** False when shown inside another note (a conflict, a version). */
  landmark?: boolean;
}) {
  const timeZone = useSession().practice.timeZone;
  const source = useQuery({
    queryKey: sessionKeys.one(plan.fromSessionId),
    queryFn: ({ signal }) => fetchSessionRecord(plan.fromSessionId, signal),
  });
  const when = source.data
    ? formatDayOf(source.data.value.startsAt, timeZone)
    : 'an earlier session';
  const headingId = `carried-over-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const item = (label: string, text: string) => (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue className="note-text">{text || 'Not recorded'}</DataList.ItemValue>
    </DataList.Item>
  );

  return (
    <Paper
      withBorder
      p="md"
      bg="gray.0"
      component={landmark ? 'section' : 'div'}
      aria-labelledby={landmark ? headingId : undefined}
      className="carried-over"
    >
      <Group justify="space-between" align="flex-start" mb="xs">
        <Title order={headingLevel} size="h4" id={headingId}>
          Carried over from {when}
        </Title>
        {onRemove && (
          <Button variant="subtle" size="compact-sm" onClick={onRemove} className="no-print">
            Remove carried-over plan
          </Button>
        )}
      </Group>
      <Text size="sm" mb="sm">
        The plan from that session’s signed note, for reference. It is not part of this note’s own
        plan.{' '}
        <Anchor
          component={Link}
          href={`/sessions/${encodeURIComponent(plan.fromSessionId)}`}
          className="no-print"
        >
          Open that session
        </Anchor>
      </Text>
      <DataList labelWidth="9rem">
        {item('Focus', plan.focus)}
        {item('Home care', plan.homeCare)}
        {item('Frequency', plan.frequency)}
      </DataList>
    </Paper>
  );
}
