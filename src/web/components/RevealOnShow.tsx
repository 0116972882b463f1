import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A notice that appears after a submit (a duplicate, a stale edit) may be far above the button
 * that was pressed: bring it into view and move focus there so screen readers read it first.
 */
export function RevealOnShow({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    ref.current?.scrollIntoView({ block: 'nearest', behavior: still ? 'auto' : 'smooth' });
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <div ref={ref} tabIndex={-1} style={{ outline: 'none' }}>
      {children}
    </div>
  );
}
