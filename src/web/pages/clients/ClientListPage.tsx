import { Button, Group, Pagination, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'wouter';
import { ClientListQuery } from '../../../domain/clients.js';
import { clientKeys, listClients, type ClientStatusFilter } from '../../api/clients.js';
import { PageHeading } from '../../components/PageHeading.js';
import { LoadError, PageLoader } from '../../components/PageStatus.js';
import { ClientTable } from './ClientTable.js';
import { offers } from '../../session/permissions.js';
import { useSession } from '../../session/SessionProvider.js';

const pageSize = 25;

const statusChoices: { value: ClientStatusFilter; label: string }[] = [
  { value: 'active', label: 'Active' },
  { value: 'archived', label: 'Archived' },
  { value: 'all', label: 'All' },
];

/** The list's search, filter and page live in the address, so Back returns to the same view. */
function readListQuery(params: URLSearchParams): ClientListQuery & { page: number } {
  const page = Math.max(1, Number(params.get('page')) || 1);
  const parsed = ClientListQuery.safeParse({
    q: params.get('q') ?? undefined,
    status: params.get('status') ?? undefined,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const query = parsed.success ? parsed.data : ClientListQuery.parse({ limit: pageSize });
  return { ...query, page: parsed.success ? page : 1 };
}

export function ClientListPage() {
  const role = useSession().user.role;
  const [params, setParams] = useSearchParams();
  const { page, ...query } = readListQuery(params);
  const [search, setSearch] = useState(query.q ?? '');

  const updateParams = (changes: Record<string, string | null>) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null || value === '') next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  // A search still waiting when a client is opened must not pull the person back here: while
  // the profile's code loads, this page is only hidden (Suspense), and its timer still fires.
  const searchFor = useDebouncedCallback((text: string) => {
    if (window.location.pathname !== '/clients') return;
    updateParams({ q: text.trim(), page: null });
  }, 150);

  const results = useQuery({
    queryKey: clientKeys.list(query),
    queryFn: ({ signal }) => listClients(query, signal),
    placeholderData: keepPreviousData,
  });

  const pages = results.data ? Math.ceil(results.data.total / pageSize) : 0;

  return (
    <>
      <PageHeading
        title="Clients"
        actions={
          <>
            {offers.importClientList(role) && (
              <Button variant="default" component={Link} href="/clients/import">
                Import
              </Button>
            )}
            <Button component={Link} href="/clients/new">
              New client
            </Button>
          </>
        }
      />
      <Stack gap="md">
        <Group align="flex-end" gap="md">
          <TextInput
            label="Search clients"
            description="Name, phone or email"
            type="search"
            value={search}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              searchFor(event.currentTarget.value);
            }}
            style={{ flex: '1 1 260px' }}
            maxLength={100}
            autoComplete="off"
          />
          <NativeSelect
            label="Status"
            data={statusChoices}
            value={query.status}
            onChange={(event) => {
              const status = event.currentTarget.value;
              updateParams({ status: status === 'active' ? null : status, page: null });
            }}
          />
        </Group>

        {results.isPending && <PageLoader />}
        {results.isError && (
          <LoadError error={results.error} onRetry={() => void results.refetch()} />
        )}
        {results.data && (
          <>
            <Text size="sm" c="dimmed" aria-live="polite" role="status">
              {describeCount(results.data.total, query.q, query.status)}
            </Text>
            {results.data.clients.length > 0 && (
              <ClientTable clients={results.data.clients} showStatus={query.status !== 'active'} />
            )}
            {pages > 1 && (
              <Group justify="center" component="nav" aria-label="Client list pages">
                <Pagination
                  total={pages}
                  value={Math.min(page, pages)}
                  onChange={(next) => updateParams({ page: next === 1 ? null : String(next) })}
                  getItemProps={(item) => ({ 'aria-label': `Page ${item}` })}
                  getControlProps={(control) => ({ 'aria-label': `${control} page` })}
                />
              </Group>
            )}
          </>
        )}
      </Stack>
    </>
  );
}

function describeCount(total: number, search: string | undefined, status: ClientStatusFilter) {
  const kind = status === 'all' ? '' : `${status} `;
  const matching = search ? ` matching “${search}”` : '';
  if (total === 0) {
    return search ? `No ${kind}clients match “${search}”.` : `No ${kind}clients yet.`;
  }
  return `${total} ${kind}client${total === 1 ? '' : 's'}${matching}`;
}
