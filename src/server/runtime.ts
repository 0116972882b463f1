import { randomFillSync } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Runtime } from '../domain/runtime.js';

/**
 * Random bytes for ids, drawn from the system's CSPRNG a pool at a time: the uuid package asks
 * WebCrypto for 16 bytes per id, which costs more than the rest of making the id.
 */
const randomPool = new Uint8Array(16 * 256);
let poolUsed = randomPool.length;
function idRandomBytes(): Uint8Array {
  if (poolUsed === randomPool.length) {
    randomFillSync(randomPool);
    poolUsed = 0;
  }
  poolUsed += 16;
  return randomPool.subarray(poolUsed - 16, poolUsed);
}

/**
 * Ids made in one millisecond still sort in the order they were made: a counter seeded from
 * random bits counts up within the millisecond (RFC 9562 §6.2, method 1), as the uuid package
 * does when it draws its own random bytes.
 */
const order = { msecs: -Infinity, seq: 0 };
function newId(): string {
  const random = idRandomBytes();
  const now = Date.now();
  if (now > order.msecs) {
    order.msecs = now;
    order.seq = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
  } else {
    order.seq = (order.seq + 1) | 0;
    if (order.seq === 0) order.msecs += 1;
  }
  return uuidv7({ random, msecs: order.msecs, seq: order.seq });
}

/** The real clock and time-ordered UUIDv7 ids: sortable, and safe across app instances. */
export const systemRuntime: Runtime = { now: () => new Date(), newId };
