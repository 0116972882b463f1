import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { healthHistorySectionLabels } from '../../../domain/health-history-diff.js';
import type { IntakeSubmissionReview } from '../../../domain/intake-links.js';
import { ApiProblem } from '../../api/client.js';
import { healthHistoryKeys } from '../../api/healthHistory.js';
import {
  acceptIntakeSubmission,
  getIntakeSubmission,
  intakeKeys,
  rejectIntakeSubmission,
} from '../../api/intake.js';
import { safetyKeys } from '../../api/safety.js';
import { PageHeading } from '../../components/PageHeading.js';
import { LoadError, PageLoader } from '../../components/PageStatus.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { formatInstant } from '../../format.js';
import { useSession } from '../../session/SessionProvider.js';

type Proposal = NonNullable<IntakeSubmissionReview['proposal']>;

const sectionLabel = (section: string) =>
  section === 'client'
    ? 'Profile'
    : (healthHistorySectionLabels[section as keyof typeof healthHistorySectionLabels] ?? section);

/** Before → after, one row a field or history entry, so nothing changes unseen. */
function ChangesTable({
  caption,
  rows,
}: {
  caption: string;
  rows: Array<{ key: string; what: string; before: string | null; after: string | null }>;
}) {
  if (rows.length === 0) return null;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table verticalSpacing="xs" withTableBorder captionSide="top">
        <Table.Caption style={{ textAlign: 'left' }}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>What</Table.Th>
            <Table.Th>Now</Table.Th>
            <Table.Th>After accepting</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Td>{row.what}</Table.Td>
              <Table.Td c={row.before ? undefined : 'dimmed'}>{row.before ?? '—'}</Table.Td>
              <Table.Td fw={600}>{row.after ?? 'removed'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ProposalView({ proposal }: { proposal: Proposal }) {
  const nothing = proposal.clientChanges.length === 0 && proposal.historyChanges.length === 0;
  return (
    <Stack gap="md">
      {proposal.attention.length > 0 && (
        <Alert color="yellow" title="Check with the client">
          <List size="sm" spacing={4}>
            {proposal.attention.map((item, index) => (
              <List.Item key={`${item.itemId ?? item.section}-${index}`}>
                {sectionLabel(item.section)}: {item.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {nothing && <Text>Accepting changes nothing: the record already says all of this.</Text>}
      <ChangesTable
        caption="Profile"
        rows={proposal.clientChanges.map((change) => ({
          key: change.field,
          what: change.label,
          before: change.before,
          after: change.after,
        }))}
      />
      <ChangesTable
        caption="Health history"
        rows={proposal.historyChanges.map((change, index) => ({
          key: `${change.section}-${change.itemId ?? ''}-${change.field ?? ''}-${index}`,
          what: `${sectionLabel(change.section)} — ${change.label}`,
          before: change.before,
          after: change.after,
        }))}
      />
    </Stack>
  );
}

/** A therapist reviews what a client sent and accepts it into the record, or rejects it. */
export function IntakeReviewPage() {
  const { id = '' } = useParams<{ id: string }>();
  const session = useSession();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const review = useQuery({
    queryKey: intakeKeys.submission(id),
    queryFn: ({ signal }) => getIntakeSubmission(id, signal),
  });
  const done = () => {
    const clientId = review.data!.clientId;
    void queryClient.invalidateQueries({ queryKey: ['intake'] });
    void queryClient.invalidateQueries({ queryKey: ['clients'] });
    // Accepting saves a new health history version: the chart's card and safety banner were
    // read before it and would otherwise show the old record until they go stale.
    void queryClient.invalidateQueries({ queryKey: healthHistoryKeys.all(clientId) });
    void queryClient.invalidateQueries({ queryKey: safetyKeys.client(clientId) });
    navigate(`/clients/${clientId}`);
  };
  const accept = useMutation({
    mutationFn: (data: IntakeSubmissionReview) =>
      acceptIntakeSubmission(id, {
        historyNumber: data.historyNumber,
        clientVersion: data.clientVersion,
      }),
    onSuccess: done,
    onError: (error) => {
      // Someone changed the record since this proposal was made: show the new one.
      if (error instanceof ApiProblem && error.status === 412) void review.refetch();
    },
  });
  const reject = useMutation({
    mutationFn: () => rejectIntakeSubmission(id, note),
    onSuccess: done,
  });

  if (review.isPending) return <PageLoader />;
  if (review.isError)
    return <LoadError error={review.error} onRetry={() => void review.refetch()} />;
  const data = review.data;
  const stale = accept.error instanceof ApiProblem && accept.error.status === 412;
  const timeZone = session.practice.timeZone;
  return (
    <>
      <PageHeading
        title={`Intake from ${data.clientName}`}
        actions={
          <Button component={Link} href={`/clients/${data.clientId}`} variant="default">
            Back to the chart
          </Button>
        }
      >
        <Group gap="xs" mt={4}>
          <Badge variant="light" color={data.status === 'to_review' ? 'blue' : 'gray'}>
            {data.status === 'to_review'
              ? 'To review'
              : data.status === 'accepted'
                ? 'Accepted'
                : 'Rejected'}
          </Badge>
          <Text size="sm" c="dimmed">
            Sent {formatInstant(data.submittedAt, timeZone)}
          </Text>
        </Group>
      </PageHeading>
      <Stack gap="md">
        {stale && (
          <Alert color="orange" title="Not accepted" role="alert">
            The client’s record changed since this page was opened. The proposal below is made
            against the record as it is now; check it and accept again.
          </Alert>
        )}
        {accept.error && !stale && <ProblemAlert error={accept.error} />}
        {reject.error && <ProblemAlert error={reject.error} />}
        {data.proposal ? (
          <>
            <ProposalView proposal={data.proposal} />
            <Paper withBorder p="md">
              <Stack gap="sm">
                <Title order={2} size="h4">
                  Your decision
                </Title>
                <Text size="sm">
                  Accepting updates the profile and saves a new version of the health history,
                  marked as from intake. Nothing changes until you accept.
                </Text>
                <Group>
                  <Button size="md" loading={accept.isPending} onClick={() => accept.mutate(data)}>
                    Accept into the record
                  </Button>
                </Group>
                <Textarea
                  label="Why reject (kept with the submission)"
                  value={note}
                  onChange={(event) => setNote(event.currentTarget.value)}
                  autosize
                  minRows={2}
                />
                <Group>
                  <Button
                    variant="default"
                    color="red"
                    loading={reject.isPending}
                    onClick={() => reject.mutate()}
                  >
                    Reject
                  </Button>
                </Group>
              </Stack>
            </Paper>
          </>
        ) : (
          <Text>
            This submission was {data.status === 'accepted' ? 'accepted' : 'rejected'}
            {data.reviewedAt ? ` on ${formatInstant(data.reviewedAt, timeZone)}` : ''}.
            {data.reviewNote ? ` Note: ${data.reviewNote}` : ''}
          </Text>
        )}
      </Stack>
    </>
  );
}
