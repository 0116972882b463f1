import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  use,
  useCallback,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { onUnauthorized, setCsrfToken } from '../api/client.js';
import { fetchSession, isSetupNeeded, signOut, type Session } from '../api/session.js';
import { useLeaveGuardApi } from '../navigation/LeaveGuard.js';
import { useIdleLogoff } from './useIdleLogoff.js';

/** Why the sign-in page is showing, when it was not the person's own choice. */
export type SignedOutNotice = 'inactivity' | null;

export type SessionState =
  | { status: 'loading' }
  | { status: 'unreachable'; error: unknown }
  | { status: 'needsSetup' }
  | { status: 'signedOut'; notice: SignedOutNotice }
  | { status: 'signedIn'; session: Session };

interface SessionApi {
  state: SessionState;
  /** Start a session from a login or setup answer. */
  begin: (session: Session) => void;
  /** Sign out on the server, forget everything cached, and show the sign-in page. */
  end: (notice?: SignedOutNotice) => Promise<void>;
  /** Re-read the session, e.g. after the practice's name changed. */
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

/** Asks the server who is signed in, and whether setup is still to do. */
async function readSessionState(): Promise<SessionState> {
  try {
    const { session, expired } = await fetchSession();
    if (session !== null) return { status: 'signedIn', session };
    if (await isSetupNeeded()) return { status: 'needsSetup' };
    return { status: 'signedOut', notice: expired ? 'inactivity' : null };
  } catch (error) {
    return { status: 'unreachable', error };
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const queryClient = useQueryClient();
  const leaveGuard = useLeaveGuardApi();

  const begin = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setState({ status: 'signedIn', session });
  }, []);

  /** Forget the session locally; the server has already ended it or is being told to. */
  const forget = useCallback(
    (notice: SignedOutNotice) => {
      leaveGuard.releaseAll();
      setCsrfToken(null);
      queryClient.clear();
      setState({ status: 'signedOut', notice });
    },
    [leaveGuard, queryClient],
  );

  const end = useCallback(
    async (notice: SignedOutNotice = null) => {
      try {
        await signOut();
      } catch {
        // Already signed out on the server, or unreachable: either way, forget it here.
      }
      forget(notice);
    },
    [forget],
  );

  /** Puts a freshly read session state into effect, CSRF token and cache included. */
  const apply = useCallback(
    (next: SessionState) => {
      if (next.status === 'signedIn') begin(next.session);
      else if (next.status === 'signedOut') forget(next.notice);
      else setState(next);
    },
    [begin, forget],
  );

  const load = useCallback(() => readSessionState().then(apply), [apply]);

  useEffect(() => {
    let current = true;
    void readSessionState().then((next) => {
      if (current) apply(next);
    });
    return () => {
      current = false;
    };
  }, [apply]);

  useEffect(() => {
    onUnauthorized((problem) => forget(problem.is('session-expired') ? 'inactivity' : null));
    return () => onUnauthorized(null);
  }, [forget]);

  const keepAlive = useCallback(() => {
    fetchSession().then(
      ({ session, expired }) => {
        if (session === null) forget(expired ? 'inactivity' : null);
      },
      () => undefined, // A missed keep-alive is harmless; the next one or the next save tells.
    );
  }, [forget]);

  const onIdle = useCallback(() => void end('inactivity'), [end]);
  useIdleLogoff(state.status === 'signedIn' ? state.session.idleMinutes : null, onIdle, keepAlive);

  const api = useMemo<SessionApi>(
    () => ({ state, begin, end, refresh: load }),
    [state, begin, end, load],
  );
  return <SessionContext value={api}>{children}</SessionContext>;
}

export function useSessionState(): SessionApi {
  const api = use(SessionContext);
  if (api === null) throw new Error('useSessionState needs a SessionProvider above it.');
  return api;
}

/** The signed-in session; only for pages that render inside the signed-in app. */
export function useSession(): Session {
  const { state } = useSessionState();
  if (state.status !== 'signedIn') throw new Error('useSession outside the signed-in app.');
  return state.session;
}
