import { Button, Group, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { auditCsvUrl, auditKeys, listAuditEvents, type AuditFilter } from '../../api/audit.js';
import { NotAllowed } from '../../components/NotAllowed.js';
import { PageHeading } from '../../components/PageHeading.js';
import { LoadError, PageLoader } from '../../components/PageStatus.js';
import { offers } from '../../session/permissions.js';
import { useSession } from '../../session/SessionProvider.js';
import { AuditFilters } from './AuditFilters.js';
import { AuditTable } from './AuditTable.js';

export function AuditPage() {
  const session = useSession();
  if (!offers.auditLog(session.user.role)) {
    return (
      <NotAllowed title="Audit log" reason="Only the practice owner can read the audit log." />
    );
  }
  return <AuditLog timeZone={session.practice.timeZone} />;
}

function AuditLog({ timeZone }: { timeZone: string }) {
  const [filter, setFilter] = useState<AuditFilter>({});
  const events = useInfiniteQuery({
    queryKey: auditKeys.list(filter),
    queryFn: ({ pageParam, signal }) => listAuditEvents(filter, pageParam, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => page.nextBeforeSeq ?? undefined,
  });
  const shown = events.data?.pages.flatMap((page) => page.events) ?? [];

  return (
    <>
      <PageHeading
        title="Audit log"
        actions={
          <Button component="a" href={auditCsvUrl(filter)} download variant="default">
            Export CSV
          </Button>
        }
      >
        <Text size="sm" c="dimmed" mt={4}>
          Every sign-in and every read or change of client records, newest first. Entries cannot be
          edited or removed.
        </Text>
      </PageHeading>
      <Stack gap="md">
        <AuditFilters timeZone={timeZone} onApply={setFilter} />
        {events.isPending && <PageLoader />}
        {events.isError && <LoadError error={events.error} onRetry={() => void events.refetch()} />}
        {events.data && (
          <>
            <Text size="sm" c="dimmed" role="status">
              {shown.length === 0
                ? 'No events match these filters.'
                : `Showing ${shown.length} event${shown.length === 1 ? '' : 's'}${events.hasNextPage ? ' (more available)' : ''}.`}
            </Text>
            {shown.length > 0 && <AuditTable events={shown} timeZone={timeZone} />}
            {events.hasNextPage && (
              <Group justify="center">
                <Button
                  variant="default"
                  loading={events.isFetchingNextPage}
                  onClick={() => void events.fetchNextPage()}
                >
                  Load more
                </Button>
              </Group>
            )}
          </>
        )}
      </Stack>
    </>
  );
}
