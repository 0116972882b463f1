import { Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { followUpRefusal, reactionLabels, type FollowUp } from '../../../domain/follow-ups.js';
import type { ClientLinkView, LinkState } from '../../../domain/intake-links.js';
import type { Session } from '../../../domain/sessions.js';
import { followUpKeys, getSessionFollowUp } from '../../api/followUps.js';
import { revokeClientLink } from '../../api/intake.js';
import { LoadError, PageLoader } from '../../components/PageStatus.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { formatInstant } from '../../format.js';
import { useStaffNames } from '../sessions/useStaffNames.js';
import { AcknowledgeFollowUp, FollowUpFlagBadge } from './AcknowledgeFollowUp.js';
import { RecordFollowUpDialog } from './RecordFollowUpDialog.js';
import { SendFollowUpLink } from './SendFollowUpLink.js';

const stateLabels: Record<LinkState, string> = {
  active: 'Waiting for an answer',
  used: 'Answered',
  expired: 'Expired',
  revoked: 'Revoked',
};

/** What the client reported, as the therapist reads it. */
function FollowUpFacts({ followUp, timeZone }: { followUp: FollowUp; timeZone: string }) {
  const staffName = useStaffNames();
  const score = (value: number | null) => (value === null ? 'not given' : `${value}/10`);
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Text fw={600}>
          Relief {score(followUp.relief)} · Soreness {score(followUp.soreness)}
        </Text>
        <FollowUpFlagBadge followUp={followUp} />
      </Group>
      <Text size="sm">
        Reactions:{' '}
        {followUp.reactions.length === 0
          ? 'none'
          : followUp.reactions.map((code) => reactionLabels[code]).join(', ')}
      </Text>
      {followUp.reactionDetails && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          “{followUp.reactionDetails}”
        </Text>
      )}
      <Text size="sm" c="dimmed">
        {followUp.source === 'client_link' ? 'Sent by the client' : 'Taken by phone'},{' '}
        {formatInstant(followUp.submittedAt, timeZone)}
        {followUp.acknowledgedAt &&
          followUp.acknowledgedBy &&
          ` · acknowledged by ${staffName(followUp.acknowledgedBy)}, ${formatInstant(followUp.acknowledgedAt, timeZone)}`}
      </Text>
    </Stack>
  );
}

function LinkTable({
  links,
  clientId,
  timeZone,
}: {
  links: ClientLinkView[];
  clientId: string;
  timeZone: string;
}) {
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: (linkId: string) => revokeClientLink(clientId, linkId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: followUpKeys.all }),
  });
  return (
    <>
      {revoke.error && <ProblemAlert error={revoke.error} />}
      <Table.ScrollContainer minWidth={420}>
        <Table verticalSpacing="xs" aria-label="Follow-up links sent">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Sent</Table.Th>
              <Table.Th>Expires</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {links.map((link) => (
              <Table.Tr key={link.id}>
                <Table.Td>{formatInstant(link.createdAt, timeZone)}</Table.Td>
                <Table.Td>{formatInstant(link.expiresAt, timeZone)}</Table.Td>
                <Table.Td>{stateLabels[link.state]}</Table.Td>
                <Table.Td>
                  {link.state === 'active' && (
                    <Button
                      size="compact-sm"
                      variant="default"
                      loading={revoke.isPending && revoke.variables === link.id}
                      onClick={() => revoke.mutate(link.id)}
                    >
                      Revoke
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}

/**
 * The session's follow-up for clinicians: what the client reported and its flag, or the ways
 * to get it (a secure link, or a phone call written down), and the links already sent.
 */
export function SessionFollowUpSection({ visit, timeZone }: { visit: Session; timeZone: string }) {
  const [recording, recordDialog] = useDisclosure(false);
  const view = useQuery({
    queryKey: followUpKeys.session(visit.id),
    queryFn: ({ signal }) => getSessionFollowUp(visit.id, signal),
  });
  return (
    <Paper
      withBorder
      p="md"
      mt="md"
      component="section"
      aria-labelledby="session-follow-up"
      className="no-print"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="session-follow-up">
          Follow-up
        </Title>
        {view.isPending && <PageLoader />}
        {view.isError && <LoadError error={view.error} onRetry={() => void view.refetch()} />}
        {view.data?.followUp && (
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
            <FollowUpFacts followUp={view.data.followUp} timeZone={timeZone} />
            <AcknowledgeFollowUp followUp={view.data.followUp} />
          </Group>
        )}
        {view.data && !view.data.followUp && view.data.linkRefusal && (
          <Text size="sm">{view.data.linkRefusal}</Text>
        )}
        {view.data && !view.data.followUp && !view.data.linkRefusal && (
          <>
            <Text size="sm">
              No follow-up yet. Ask the client a day or two after the session how they feel.
            </Text>
            <Group gap="sm">
              <SendFollowUpLink
                clientId={visit.clientId}
                sessionId={visit.id}
                timeZone={timeZone}
              />
              <Button variant="default" onClick={recordDialog.open}>
                Record a follow-up taken by phone
              </Button>
            </Group>
          </>
        )}
        {view.data && view.data.links.length > 0 && (
          <LinkTable links={view.data.links} clientId={visit.clientId} timeZone={timeZone} />
        )}
      </Stack>
      <RecordFollowUpDialog
        opened={recording}
        onClose={recordDialog.close}
        clientId={visit.clientId}
        sessionId={visit.id}
      />
    </Paper>
  );
}

/** Front desk may send the link (it shows only the visit's date and therapist), nothing more. */
export function FrontDeskFollowUpLink({ visit, timeZone }: { visit: Session; timeZone: string }) {
  if (followUpRefusal(visit, new Date()) !== null) return null;
  return (
    <Paper
      withBorder
      p="md"
      mt="md"
      component="section"
      aria-labelledby="session-follow-up"
      className="no-print"
    >
      <Stack gap="sm" align="flex-start">
        <Title order={2} size="h4" id="session-follow-up">
          Follow-up
        </Title>
        <Text size="sm">Send the client a link to say how they feel after the session.</Text>
        <SendFollowUpLink clientId={visit.clientId} sessionId={visit.id} timeZone={timeZone} />
      </Stack>
    </Paper>
  );
}

/** How a follow-up link's state reads in lists (here and the missing follow-ups). */
export const linkStateLabel = (state: LinkState) => stateLabels[state];
