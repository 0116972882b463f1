import { z } from 'zod';
import {
  ClientSafetyAlerts,
  RecordedSafetyOverride,
  SafetySettingsView,
  SessionSafetyRecord,
} from '../../domain/safety-records.js';
import type { SafetyOverride } from '../../domain/safety.js';
import type { SafetySettings } from '../../domain/safety-rules.js';
import { get, request, versionTag } from './client.js';

export const safetyKeys = {
  client: (clientId: string) => ['safety-alerts', clientId] as const,
  session: (sessionId: string) => ['session-safety', sessionId] as const,
  settings: ['safety-settings'] as const,
};

/** The client's alerts on their current health history, with the regions to avoid. */
export function fetchClientSafetyAlerts(clientId: string, signal?: AbortSignal) {
  return get(
    `/api/v1/clients/${encodeURIComponent(clientId)}/safety-alerts`,
    ClientSafetyAlerts,
    signal,
  );
}

/** The alerts and overrides kept with a session. */
export function fetchSessionSafety(sessionId: string, signal?: AbortSignal) {
  return get(
    `/api/v1/sessions/${encodeURIComponent(sessionId)}/safety`,
    SessionSafetyRecord,
    signal,
  );
}

export async function overrideSafetyAlerts(
  sessionId: string,
  overrides: SafetyOverride[],
): Promise<RecordedSafetyOverride[]> {
  const { value } = await request(
    'POST',
    `/api/v1/sessions/${encodeURIComponent(sessionId)}/safety-overrides`,
    { body: { overrides }, schema: z.object({ overrides: z.array(RecordedSafetyOverride) }) },
  );
  return value.overrides;
}

export function fetchSafetySettings(signal?: AbortSignal) {
  return get('/api/v1/practice/safety-settings', SafetySettingsView, signal);
}

export async function updateSafetySettings(settings: SafetySettings, version: number) {
  const { value } = await request('PUT', '/api/v1/practice/safety-settings', {
    body: settings,
    ifMatch: versionTag(version),
    schema: SafetySettingsView,
  });
  return value;
}
