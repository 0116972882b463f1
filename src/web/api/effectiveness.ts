import {
  ClientEffectiveness,
  ClientsNotImproving,
  CohortEffectiveness,
  TherapistOutcomes,
} from '../../domain/effectiveness-views.js';
import { get, withQuery } from './client.js';

export const effectivenessKeys = {
  client: (clientId: string) => ['effectiveness', clientId] as const,
  similar: (region: string | null, condition: string | null) =>
    ['analytics', 'similar-clients', region, condition] as const,
  therapists: ['analytics', 'therapists'] as const,
  notImproving: (sessions: number) => ['analytics', 'pain-not-improving', sessions] as const,
};

export function fetchClientEffectiveness(clientId: string, signal?: AbortSignal) {
  return get(
    `/api/v1/clients/${encodeURIComponent(clientId)}/effectiveness`,
    ClientEffectiveness,
    signal,
  );
}

export function fetchSimilarClients(
  cohort: { region: string | null; condition: string | null },
  signal?: AbortSignal,
) {
  return get(
    withQuery('/api/v1/analytics/similar-clients', {
      region: cohort.region ?? undefined,
      condition: cohort.condition ?? undefined,
    }),
    CohortEffectiveness,
    signal,
  );
}

export function fetchTherapistOutcomes(signal?: AbortSignal) {
  return get('/api/v1/analytics/therapists', TherapistOutcomes, signal);
}

export function fetchClientsNotImproving(sessions: number, signal?: AbortSignal) {
  return get(
    withQuery('/api/v1/analytics/pain-not-improving', { sessions }),
    ClientsNotImproving,
    signal,
  );
}
