import { useEffect, useRef } from 'react';

/** What counts as the person still being at the screen. */
const activityEvents = ['pointerdown', 'pointermove', 'keydown', 'touchstart', 'wheel'] as const;

/** Other tabs of the same app share the last activity, so working in one keeps all alive. */
const sharedKey = 'palpate.lastActivityAt';
const shareEveryMs = 5_000;

/** While the person is active, the server hears from us this often, so it keeps the session. */
const keepAliveEveryMs = 60_000;

function readShared(): number {
  try {
    return Number(localStorage.getItem(sharedKey)) || 0;
  } catch {
    return 0;
  }
}

function writeShared(at: number): void {
  try {
    localStorage.setItem(sharedKey, String(at));
  } catch {
    // Private mode or storage full: each tab then keeps its own clock, which is still safe.
  }
}

/**
 * Automatic logoff (HIPAA 164.312(a)(2)(iii)): after `idleMinutes` without pointer, key or
 * touch input, `onIdle` runs. Timers are plain setTimeout, re-armed for the time remaining,
 * so an input event costs one timestamp and no timer churn.
 */
export function useIdleLogoff(
  idleMinutes: number | null,
  onIdle: () => void,
  keepAlive: () => void,
): void {
  const callbacks = useRef({ onIdle, keepAlive });
  useEffect(() => {
    callbacks.current = { onIdle, keepAlive };
  });

  useEffect(() => {
    if (idleMinutes === null) return;
    const limitMs = idleMinutes * 60_000;
    let lastActivityAt = Date.now();
    let lastSharedAt = 0;
    let lastKeptAliveAt = lastActivityAt;
    let timer: ReturnType<typeof setTimeout> | undefined;
    writeShared(lastActivityAt);

    const check = () => {
      const latest = Math.max(lastActivityAt, readShared());
      const remaining = latest + limitMs - Date.now();
      if (remaining <= 0) {
        callbacks.current.onIdle();
        return;
      }
      timer = setTimeout(check, remaining);
    };

    const onActivity = () => {
      const now = Date.now();
      lastActivityAt = now;
      if (now - lastSharedAt >= shareEveryMs) {
        lastSharedAt = now;
        writeShared(now);
      }
      if (now - lastKeptAliveAt >= keepAliveEveryMs) {
        lastKeptAliveAt = now;
        callbacks.current.keepAlive();
      }
    };

    for (const name of activityEvents) {
      window.addEventListener(name, onActivity, { capture: true, passive: true });
    }
    timer = setTimeout(check, limitMs);
    return () => {
      clearTimeout(timer);
      for (const name of activityEvents) {
        window.removeEventListener(name, onActivity, { capture: true });
      }
    };
  }, [idleMinutes]);
}
