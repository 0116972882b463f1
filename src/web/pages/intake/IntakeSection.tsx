import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  CopyButton,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import type { LinkState } from '../../../domain/intake-links.js';
import {
  createClientLink,
  intakeKeys,
  listClientLinks,
  listIntakeSubmissions,
  revokeClientLink,
  type CreatedLink,
} from '../../api/intake.js';
import { formatInstant } from '../../format.js';
import { LoadError } from '../../components/PageStatus.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';

const stateBadge: Record<LinkState, { label: string; color: string }> = {
  active: { label: 'Active', color: 'teal' },
  used: { label: 'Filled in', color: 'blue' },
  expired: { label: 'Expired', color: 'gray' },
  revoked: { label: 'Revoked', color: 'gray' },
};

/** The link just made: its QR code to scan at the desk and its URL to copy into a message. */
function NewLink({ created, timeZone }: { created: CreatedLink; timeZone: string }) {
  return (
    <Paper withBorder p="md" bg="gray.0">
      <Group align="flex-start" gap="lg" wrap="wrap">
        <Box
          w={180}
          h={180}
          role="img"
          aria-label="QR code of the intake link"
          // The SVG is made by our server from the link's URL; it holds no script.
          dangerouslySetInnerHTML={{ __html: created.qrSvg }}
        />
        <Stack gap="xs" style={{ flex: '1 1 260px' }}>
          <TextInput label="Intake link" value={created.url} readOnly size="md" />
          <CopyButton value={created.url}>
            {({ copied, copy }) => (
              <Button onClick={copy} variant={copied ? 'light' : 'filled'} w="fit-content">
                {copied ? 'Copied' : 'Copy link'}
              </Button>
            )}
          </CopyButton>
          <Text size="sm">
            Works once, until {formatInstant(created.link.expiresAt, timeZone)}. It is shown only
            now: send it to the client or let them scan the code.
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}

/**
 * Intake on the client's chart: send a secure link, see the links sent and revoke one, and
 * (for clinicians) the submissions waiting for review.
 */
export function IntakeSection({
  clientId,
  canReview,
  timeZone,
}: {
  clientId: string;
  canReview: boolean;
  timeZone: string;
}) {
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<CreatedLink | null>(null);
  const links = useQuery({
    queryKey: intakeKeys.links(clientId),
    queryFn: ({ signal }) => listClientLinks(clientId, signal),
  });
  const submissions = useQuery({
    queryKey: intakeKeys.submissions(clientId),
    queryFn: ({ signal }) => listIntakeSubmissions(clientId, signal),
    enabled: canReview,
  });
  const send = useMutation({
    mutationFn: () => createClientLink(clientId, {}),
    onSuccess: (link) => {
      setCreated(link);
      void queryClient.invalidateQueries({ queryKey: intakeKeys.links(clientId) });
    },
  });
  const revoke = useMutation({
    mutationFn: (linkId: string) => revokeClientLink(clientId, linkId),
    onSuccess: (_, linkId) => {
      if (created?.link.id === linkId) setCreated(null);
      void queryClient.invalidateQueries({ queryKey: intakeKeys.links(clientId) });
    },
  });
  const toReview = submissions.data?.submissions.filter((entry) => entry.status === 'to_review');
  // Follow-up links belong to their session and are listed there.
  const intakeLinks = links.data?.filter((link) => link.purpose === 'intake');

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="intake-heading">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h3" id="intake-heading">
            Intake
          </Title>
          <Button onClick={() => send.mutate()} loading={send.isPending}>
            Send intake link
          </Button>
        </Group>
        {send.error && <ProblemAlert error={send.error} />}
        {created && <NewLink created={created} timeZone={timeZone} />}
        {canReview && toReview && toReview.length > 0 && (
          <Alert color="blue" title={`To review: ${toReview.length}`}>
            <Stack gap={4}>
              {toReview.map((entry) => (
                <Anchor key={entry.id} component={Link} href={`/intake-submissions/${entry.id}`}>
                  Review the intake sent {formatInstant(entry.submittedAt, timeZone)}
                </Anchor>
              ))}
            </Stack>
          </Alert>
        )}
        {links.isError && <LoadError error={links.error} onRetry={() => void links.refetch()} />}
        {revoke.error && <ProblemAlert error={revoke.error} />}
        {intakeLinks && intakeLinks.length > 0 && (
          <Table.ScrollContainer minWidth={420}>
            <Table verticalSpacing="xs" aria-label="Intake links sent">
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
                {intakeLinks.map((link) => (
                  <Table.Tr key={link.id}>
                    <Table.Td>{formatInstant(link.createdAt, timeZone)}</Table.Td>
                    <Table.Td>{formatInstant(link.expiresAt, timeZone)}</Table.Td>
                    <Table.Td>
                      <Badge
                        variant="light"
                        color={stateBadge[link.state].color}
                        // The state is the point of the row: never cut to "ACTI…".
                        styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}
                      >
                        {stateBadge[link.state].label}
                      </Badge>
                    </Table.Td>
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
        )}
        {intakeLinks && intakeLinks.length === 0 && (
          <Text size="sm" c="dimmed">
            No intake link sent yet.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
