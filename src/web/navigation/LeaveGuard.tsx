import { Button, Group, Modal, Text } from '@mantine/core';
import { createContext, use, useCallback, useEffect, useId, useState, type ReactNode } from 'react';
import { Router, type AroundNavHandler } from 'wouter';
import { navigate as browserNavigate } from 'wouter/use-browser-location';

/**
 * Keeps unsaved work from being lost by a stray click: while a form is dirty, leaving it
 * (an in-app link, Back/Forward, closing the tab) asks first.
 */

interface LeaveGuardApi {
  block: (id: string) => void;
  unblock: (id: string) => void;
  /** Forget every block, e.g. when the session ends and the app must go to the sign-in page. */
  releaseAll: () => void;
}

/** One guard per page: the browser's history is one per page too. */
const guard = {
  blockers: new Set<string>(),
  /** The address of the guarded page, so a Back/Forward can be undone until confirmed. */
  guardedUrl: null as string | null,
  /** Asks "leave without saving?" (or, given null, withdraws the question); set by the router. */
  ask: null as ((proceed: (() => void) | null) => void) | null,
};

function currentUrl(): string {
  return `${location.pathname}${location.search}`;
}

function onBeforeUnload(event: BeforeUnloadEvent): void {
  if (guard.blockers.size === 0) return;
  event.preventDefault();
  event.returnValue = '';
}

/**
 * Back/Forward has already moved the address when popstate fires. This listener is added when
 * the module loads, before the router subscribes, so it runs first: it hides the event from the
 * router, puts the guarded address back and asks.
 */
function onPopState(event: PopStateEvent): void {
  const stay = guard.guardedUrl;
  const ask = guard.ask;
  if (guard.blockers.size === 0 || stay === null || ask === null) return;
  event.stopImmediatePropagation();
  const target = currentUrl();
  history.pushState(history.state, '', stay);
  ask(() => {
    guard.blockers.clear();
    browserNavigate(target);
  });
}

if (typeof window !== 'undefined') {
  window.addEventListener('beforeunload', onBeforeUnload);
  window.addEventListener('popstate', onPopState, { capture: true });
}

const api: LeaveGuardApi = {
  block: (id) => {
    if (guard.blockers.size === 0) guard.guardedUrl = currentUrl();
    guard.blockers.add(id);
  },
  unblock: (id) => {
    guard.blockers.delete(id);
  },
  releaseAll: () => {
    guard.blockers.clear();
    guard.ask?.(null);
  },
};

const LeaveGuardContext = createContext<LeaveGuardApi | null>(null);

export function GuardedRouter({ children }: { children: ReactNode }) {
  const [pendingLeave, setPendingLeave] = useState<(() => void) | null>(null);

  useEffect(() => {
    guard.ask = (proceed) => setPendingLeave(() => proceed);
    return () => {
      guard.ask = null;
    };
  }, []);

  const aroundNav = useCallback<AroundNavHandler>((navigate, to, options) => {
    if (guard.blockers.size === 0) {
      navigate(to, options);
      return;
    }
    setPendingLeave(() => () => {
      guard.blockers.clear();
      navigate(to, options);
    });
  }, []);

  const stay = () => setPendingLeave(null);
  const leave = () => {
    const proceed = pendingLeave;
    setPendingLeave(null);
    proceed?.();
  };

  return (
    <LeaveGuardContext value={api}>
      <Router aroundNav={aroundNav}>{children}</Router>
      <Modal opened={pendingLeave !== null} onClose={stay} title="Leave without saving?" centered>
        <Text mb="lg">Your changes have not been saved. If you leave now, they will be lost.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={stay} data-autofocus>
            Stay on this page
          </Button>
          <Button color="red" onClick={leave}>
            Leave without saving
          </Button>
        </Group>
      </Modal>
    </LeaveGuardContext>
  );
}

export function useLeaveGuardApi(): LeaveGuardApi {
  const context = use(LeaveGuardContext);
  if (context === null) throw new Error('useLeaveGuard needs a GuardedRouter above it.');
  return context;
}

/**
 * Asks before leaving while `dirty` is true. Returns `release`, to call right before a
 * navigation that follows a successful save (the re-render that clears `dirty` comes later).
 */
export function useLeaveGuard(dirty: boolean): () => void {
  const id = useId();
  useEffect(() => {
    if (!dirty) return;
    api.block(id);
    return () => api.unblock(id);
  }, [id, dirty]);
  return useCallback(() => api.unblock(id), [id]);
}
