import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { clientKeys, listTherapists } from '../../api/clients.js';

/** Names for the user ids a note carries (author, signer); staff who left are said so. */
export function useStaffNames(): (userId: string) => string {
  const therapists = useQuery({
    queryKey: clientKeys.therapists,
    queryFn: ({ signal }) => listTherapists(signal),
    staleTime: 5 * 60_000,
  });
  const list = therapists.data;
  return useCallback(
    (userId: string) =>
      list?.find((therapist) => therapist.id === userId)?.displayName ??
      (list ? 'A former staff member' : '…'),
    [list],
  );
}
