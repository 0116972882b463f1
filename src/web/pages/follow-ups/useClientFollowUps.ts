import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { FollowUp } from '../../../domain/follow-ups.js';
import { followUpKeys, listClientFollowUps } from '../../api/followUps.js';

/** A client's follow-ups by session id, for the timeline; nothing is fetched when disabled. */
export function useClientFollowUps(clientId: string, enabled: boolean) {
  const query = useQuery({
    queryKey: followUpKeys.client(clientId),
    queryFn: ({ signal }) => listClientFollowUps(clientId, signal),
    enabled,
  });
  const bySession = useMemo(
    () => new Map<string, FollowUp>((query.data ?? []).map((entry) => [entry.sessionId, entry])),
    [query.data],
  );
  return { ...query, bySession };
}
