import { Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { FactorKind } from '../../../domain/effectiveness-views.js';
import { effectivenessKeys, fetchClientEffectiveness } from '../../api/effectiveness.js';
import { LoadError, PageLoader } from '../../components/PageStatus.js';
import { WhatWorksTable } from './WhatWorksTable.js';

const kinds: FactorKind[] = ['technique', 'pressure', 'product'];

/**
 * What has gone with relief for this client, and with reactions afterwards: per technique,
 * pressure and product, from their signed notes and follow-ups, with the uncertainty and the
 * sessions behind every figure.
 */
export function WhatWorksSection({ clientId }: { clientId: string }) {
  const result = useQuery({
    queryKey: effectivenessKeys.client(clientId),
    queryFn: ({ signal }) => fetchClientEffectiveness(clientId, signal),
  });
  const table = result.data;
  const list = useMemo(
    () => ({
      sessions: table?.sessions ?? [],
      dates: new Map(table?.sessions.map((session) => [session.sessionId, session.serviceDate])),
    }),
    [table],
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="client-what-works">
      <Title order={2} size="h4" id="client-what-works" mb="xs">
        What works for this client
      </Title>
      {result.isPending && <PageLoader />}
      {result.isError && <LoadError error={result.error} onRetry={() => void result.refetch()} />}
      {table && (
        <Stack gap="md">
          <Text size="sm">
            From signed (and amended) notes only: {table.signedSessions} signed{' '}
            {table.signedSessions === 1 ? 'session' : 'sessions'}, {table.sessionsWithPain} with
            pain recorded before and after. Figures show what went with relief for this client —
            associated with it, not proof of a cause — as means with 95% confidence intervals. Below{' '}
            {table.minimumSessions} sessions a row says “not enough sessions yet”. Relief is pain
            before minus pain after (0–10): positive numbers mean less pain.
          </Text>
          {table.rows.length === 0 && (
            <Text size="sm" c="dimmed">
              Nothing to show yet: no signed note records a technique, pressure or product.
            </Text>
          )}
          {kinds.map((kind) => {
            const rows = table.rows.filter((row) => row.kind === kind);
            if (rows.length === 0) return null;
            return (
              <WhatWorksTable
                key={kind}
                kind={kind}
                rows={rows}
                list={list}
                minimumSessions={table.minimumSessions}
              />
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}
