import { z } from 'zod';
import { get, request, sendVersioned, versionTag } from './client.js';

export const Reflection = z.object({
  id: z.string(),
  clientId: z.string(),
  sessionId: z.string().nullable(),
  text: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Reflection = z.infer<typeof Reflection>;

export const reflectionKeys = {
  forClient: (clientId: string) => ['reflections', clientId] as const,
};

/** The signed-in clinician's own reflections about a client; nobody else's are ever sent. */
export async function listReflections(clientId: string, signal?: AbortSignal) {
  const path = `/api/v1/clients/${encodeURIComponent(clientId)}/reflections`;
  return (await get(path, z.object({ reflections: z.array(Reflection) }), signal)).reflections;
}

export async function addReflection(clientId: string, text: string): Promise<Reflection> {
  const { value } = await request(
    'POST',
    `/api/v1/clients/${encodeURIComponent(clientId)}/reflections`,
    {
      body: { text },
      schema: Reflection,
    },
  );
  return value;
}

export async function updateReflection(reflection: Reflection, text: string): Promise<Reflection> {
  const saved = await sendVersioned(
    'PUT',
    `/api/v1/reflections/${encodeURIComponent(reflection.id)}`,
    Reflection,
    { body: { text }, ifMatch: versionTag(reflection.version) },
  );
  return saved.value;
}
