import { Practice, type PracticeUpdate } from '../../domain/practice.js';
import { getVersioned, sendVersioned, type Versioned } from './client.js';

export const practiceKeys = { current: ['practice'] as const };

export function fetchPractice(signal?: AbortSignal): Promise<Versioned<Practice>> {
  return getVersioned('/api/v1/practice', Practice, signal);
}

export function updatePractice(update: PracticeUpdate, etag: string): Promise<Versioned<Practice>> {
  return sendVersioned('PUT', '/api/v1/practice', Practice, { body: update, ifMatch: etag });
}
