import { Anchor, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'wouter';
import type { BriefingSection, BriefingStatement, BriefingTone } from '../../../domain/briefing.js';
import { ApiProblem } from '../../api/client.js';
import { briefingKeys, fetchBriefing } from '../../api/briefing.js';
import { PageHeading } from '../../components/PageHeading.js';
import { LoadError, PageLoader } from '../../components/PageStatus.js';
import { formatDayOf, formatInstant } from '../../format.js';
import { useSession } from '../../session/SessionProvider.js';

/** Tone in words as well as colour, so it never rests on colour alone. */
const toneBadges: Partial<Record<BriefingTone, { label: string; color: string }>> = {
  danger: { label: 'Alert', color: 'red' },
  caution: { label: 'Caution', color: 'orange' },
  good: { label: 'Helps', color: 'teal' },
};

/** Where a statement comes from, as a page in the app. */
function sourceHref(clientId: string, statement: BriefingStatement): string {
  const client = `/clients/${encodeURIComponent(clientId)}`;
  const { kind, sessionId } = statement.source;
  const session = sessionId ? `/sessions/${encodeURIComponent(sessionId)}` : null;
  switch (kind) {
    case 'session':
      return session ?? client;
    case 'follow_up':
      return session ? `${session}#session-follow-up` : client;
    case 'health_history':
    case 'safety':
      return `${client}/health-history`;
    case 'consent':
      return `${client}#client-consents`;
    case 'goal':
    case 'plan':
      return `${client}#client-goals-plan`;
    case 'effectiveness':
      return `${client}#client-what-works`;
    case 'handoff':
      return client;
  }
}

function Section({ section, clientId }: { section: BriefingSection; clientId: string }) {
  const headingId = `briefing-${section.key}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb="xs">
        {section.title}
      </Title>
      {section.statements.length === 0 ? (
        <Text size="sm" c="dimmed">
          {section.emptyText}
        </Text>
      ) : (
        <List spacing={6} size="sm">
          {section.statements.map((statement, index) => {
            const badge = toneBadges[statement.tone];
            return (
              <List.Item key={index}>
                <Group gap={6} wrap="nowrap" align="flex-start">
                  {badge && (
                    <Badge size="sm" color={badge.color} variant="light" style={{ flexShrink: 0 }}>
                      {badge.label}
                    </Badge>
                  )}
                  <Anchor component={Link} href={sourceHref(clientId, statement)} size="sm">
                    {statement.text}
                  </Anchor>
                </Group>
              </List.Item>
            );
          })}
        </List>
      )}
    </Paper>
  );
}

/**
 * The client's playbook before a session, on one screen: every line links to the record it
 * comes from, so the therapist can check what it rests on before acting on it.
 */
export function BriefingPage() {
  const { id = '' } = useParams<{ id: string }>();
  const session = useSession();
  const timeZone = session.practice.timeZone;
  const briefing = useQuery({
    queryKey: briefingKeys.session(id),
    queryFn: ({ signal }) => fetchBriefing(id, signal),
  });
  if (briefing.isPending) return <PageLoader />;
  if (briefing.isError) {
    const missing = briefing.error instanceof ApiProblem && briefing.error.status === 404;
    return (
      <>
        <PageHeading title="Briefing" />
        {missing ? (
          <Text>
            There is no session at this address, or you may not see it.{' '}
            <Link href="/today">Back to today</Link>
          </Text>
        ) : (
          <LoadError error={briefing.error} onRetry={() => void briefing.refetch()} />
        )}
      </>
    );
  }
  const { clientId, clientName, sessionId, startsAt, sections } = briefing.data;
  return (
    <>
      <Text size="sm" className="print-only">
        {session.practice.name} · printed {formatInstant(new Date().toISOString(), timeZone)} by{' '}
        {session.user.displayName}
      </Text>
      <PageHeading
        title={`Briefing: ${clientName}`}
        tabTitle={`Briefing, ${clientName}`}
        actions={
          <Anchor
            component={Link}
            href={`/sessions/${encodeURIComponent(sessionId)}`}
            className="no-print"
          >
            Open the session
          </Anchor>
        }
      >
        <Text size="sm" mt={4}>
          Before the session on {formatDayOf(startsAt, timeZone)}. Built from the record; each line
          links to where it comes from.
        </Text>
      </PageHeading>
      <Stack gap="md">
        {sections.map((section) => (
          <Section key={section.key} section={section} clientId={clientId} />
        ))}
      </Stack>
    </>
  );
}
