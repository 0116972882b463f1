import { Briefing } from '../../domain/briefing.js';
import { get } from './client.js';

export const briefingKeys = {
  session: (sessionId: string) => ['briefing', sessionId] as const,
};

export function fetchBriefing(sessionId: string, signal?: AbortSignal): Promise<Briefing> {
  return get(`/api/v1/sessions/${encodeURIComponent(sessionId)}/briefing`, Briefing, signal);
}
