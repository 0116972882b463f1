import { v7 as uuidv7 } from 'uuid';
import type { Runtime } from '../../src/domain/runtime.js';

/** A clock the test moves by hand (the one test double we allow: time is outside the system). */
export interface TestRuntime extends Runtime {
  advanceMinutes(minutes: number): void;
  set(instant: Date): void;
}

export function testRuntime(start = new Date('2026-11-27T15:00:00.000Z')): TestRuntime {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    newId: () => uuidv7({ msecs: current }),
    advanceMinutes: (minutes) => {
      current += minutes * 60_000;
    },
    set: (instant) => {
      current = instant.getTime();
    },
  };
}
