import { randomUUID } from 'node:crypto';
import type { ApiClient, Json } from './http.js';

/** A small, valid health history: a client on warfarin with a severe tree-nut allergy. */
export function historyInput(overrides: Json = {}): Json {
  return {
    medications: [
      { id: randomUUID(), name: 'Warfarin', class: 'anticoagulant', dose: '5 mg daily' },
    ],
    allergies: [{ id: randomUUID(), substance: 'tree_nut', nut: 'almond', severity: 'severe' }],
    goals: [{ id: randomUUID(), text: 'Sleep through the night' }],
    ...overrides,
  };
}

/** Saves a new version over the current one, as the edit form does; answers the saved view. */
export async function saveHistory(
  caller: ApiClient,
  clientId: string,
  history: Json = historyInput(),
): Promise<{ view: Json; etag: string }> {
  const path = `/api/v1/clients/${clientId}/health-history`;
  const current = await caller.get(path);
  if (current.status !== 200) throw new Error(`read failed: ${current.status} ${current.text}`);
  const saved = await caller.put(path, history, { ifMatch: current.headers.get('etag')! });
  if (saved.status !== 200) throw new Error(`save failed: ${saved.status} ${saved.text}`);
  return { view: saved.body, etag: saved.headers.get('etag')! };
}
