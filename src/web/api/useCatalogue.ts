import { useQuery } from '@tanstack/react-query';
import { catalogueKeys, fetchCatalogue } from './catalogue.js';

/** The practice's catalogue changes rarely; one read serves every page for a while. */
export function useCatalogue() {
  return useQuery({
    queryKey: catalogueKeys.all,
    queryFn: ({ signal }) => fetchCatalogue(signal),
    staleTime: 5 * 60_000,
  });
}
