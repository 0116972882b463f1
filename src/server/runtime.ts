import { v7 as uuidv7 } from 'uuid';
import type { Runtime } from '../domain/runtime.js';

/** The real clock and time-ordered UUIDv7 ids: sortable, and safe across app instances. */
export const systemRuntime: Runtime = {
  now: () => new Date(),
  newId: () => uuidv7(),
};
