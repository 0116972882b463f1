/**
 * The scenarios, each a named request mix against one server. Adding one is adding an entry
 * to `scenarios`: say which server it loads and build its requests from the seeded practice.
 * Requests vary per call through autocannon's setupRequest (paths, ids, bodies); the
 * per-request `context` pairs a request with its response (one in flight per connection).
 * A scenario with `sequential` is not loaded but timed, a few requests in a row.
 */
import type { ClientInput } from '../src/domain/clients.js';
import type { NoteContent } from '../src/domain/notes.js';
import { timelineFirstPage } from '../src/domain/sessions.js';
import { seededRandom } from '../src/cli/demo-names.js';
import type { LoadPlan, LoadRequest, SequentialSettings } from './load.js';
import {
  clientEffectiveness,
  clientsNotImproving,
  practiceEffectiveness,
  practiceEffectivenessAll,
  sessionBriefing,
} from './scenarios-effectiveness.js';
import type { SeededClient, SeededPractice } from './seed.js';
import type { SeededNoteSession } from './seed-notes.js';
import { syntheticNote } from './note-content.js';
import type { BenchSession } from './session.js';

export interface ScenarioEnv {
  practice: SeededPractice;
  session: BenchSession;
}

export interface Scenario {
  id: string;
  title: string;
  /** `hello` is the bare Fastify baseline process; `palpate` the real server. */
  server: 'hello' | 'palpate';
  /**
   * Set for a request too heavy to load (a practice-wide table): `requests` timed one after
   * another after `warmupRequests`, reported as median and max. Otherwise the scenario runs
   * at the run's connections for its seconds.
   */
  sequential?: SequentialSettings;
  plan(env: ScenarioEnv): LoadPlan;
}

/** A deterministic, endless walk over `items` shared by every connection. */
function cycle<T>(items: readonly T[], step = 1): () => T {
  let index = 0;
  return () => {
    const item = items[index % items.length]!;
    index += step;
    return item;
  };
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

const helloWorld: Scenario = {
  id: 'hello-world',
  title: 'Fastify hello world (baseline)',
  server: 'hello',
  plan: () => ({ requests: [{ method: 'GET', path: '/hello' }] }),
};

const clientSearch: Scenario = {
  id: 'client-search',
  title: 'Search clients (GET /clients?q=)',
  server: 'palpate',
  plan: ({ practice, session }) => {
    const paths = practice.searchQueries.map((q) => `/api/v1/clients?q=${encodeURIComponent(q)}`);
    const next = cycle(shuffled(paths, 1));
    return {
      requests: [
        {
          method: 'GET',
          headers: session.readHeaders,
          setupRequest: (request: LoadRequest) => ({ ...request, path: next() }),
        },
      ],
    };
  },
};

const clientOpen: Scenario = {
  id: 'client-open',
  title: 'Open a client (GET /clients/:id, audited)',
  server: 'palpate',
  plan: ({ practice, session }) => {
    const next = cycle(shuffled(practice.clients, 2));
    return {
      requests: [
        {
          method: 'GET',
          headers: session.readHeaders,
          setupRequest: (request: LoadRequest) => ({
            ...request,
            path: `/api/v1/clients/${next().id}`,
          }),
        },
      ],
    };
  },
};

interface UpdateContext {
  client?: SeededClient;
}

/**
 * Saves spread over many clients, each with the If-Match of the version last seen: the
 * version comes from the seed and then from each response's ETag (or, after a 412, from the
 * problem's currentVersion). Consecutive saves hit different clients, so a 412 means a real
 * lost update, and the count of 412s should stay at zero.
 */
const clientUpdate: Scenario = {
  id: 'client-update',
  title: 'Save a client (PUT /clients/:id, If-Match, audited)',
  server: 'palpate',
  plan: ({ practice, session }) => {
    const versions = new Map(practice.clients.map((client) => [client.id, client.version]));
    const next = cycle(shuffled(practice.clients, 3));
    // A save whose answer never came (cut off at the end of the warm-up) leaves its client's
    // version unknown; such clients are skipped rather than sent a stale If-Match.
    const unanswered = new Set<string>();
    let saves = 0;
    return {
      requests: [
        {
          method: 'PUT',
          setupRequest: (request: LoadRequest, context: object) => {
            let client = next();
            while (unanswered.has(client.id)) client = next();
            unanswered.add(client.id);
            (context as UpdateContext).client = client;
            saves += 1;
            const body: ClientInput = {
              ...client.input,
              referralSource: `Bench save ${saves}`,
              communicationPreferences: {
                ...client.input.communicationPreferences,
                sms: saves % 2 === 0,
              },
            };
            return {
              ...request,
              path: `/api/v1/clients/${client.id}`,
              headers: { ...session.writeHeaders, 'if-match': `"${versions.get(client.id)}"` },
              body: JSON.stringify(body),
            };
          },
          onResponse: (status: number, body: string, context: object, headers) => {
            const client = (context as UpdateContext).client;
            if (!client) return;
            unanswered.delete(client.id);
            const etag = headers?.['etag'];
            const fromEtag = typeof etag === 'string' ? /"(\d+)"/.exec(etag)?.[1] : undefined;
            if (status === 200 && fromEtag) versions.set(client.id, Number(fromEtag));
            else if (status === 412) {
              const current = (JSON.parse(body) as { currentVersion?: number }).currentVersion;
              if (current !== undefined) versions.set(client.id, current);
            }
          },
        },
      ],
    };
  },
};

const timelineOpen: Scenario = {
  id: 'timeline-open',
  title: `Open a client timeline as the chart does (GET /clients/:id/timeline, 500 sessions, first ${timelineFirstPage})`,
  server: 'palpate',
  plan: ({ practice, session }) => ({
    requests: [
      {
        method: 'GET',
        path: `/api/v1/clients/${practice.notes.timelineClientId}/timeline?limit=${timelineFirstPage}`,
        headers: session.readHeaders,
      },
    ],
  }),
};

interface NoteContext {
  session?: SeededNoteSession;
}

/**
 * Autosaves spread over the bench therapist's booked sessions: the first save of each creates
 * the draft (If-Match "0"), later ones update it with the version from the last ETag (or from
 * a 412's currentVersion). Consecutive saves hit different sessions, so 412s should stay at 0.
 */
const draftSave: Scenario = {
  id: 'draft-save',
  title: 'Save a draft note (PUT /sessions/:id/note, If-Match, audited)',
  server: 'palpate',
  plan: ({ practice, session }) => {
    const random = seededRandom(5);
    // A handful of bodies, built and validated like the seeded notes, varied per save.
    const bodies: NoteContent[] = Array.from({ length: 32 }, (_, index) =>
      syntheticNote(random, index),
    );
    const versions = new Map(practice.notes.draftSessions.map((entry) => [entry.id, 0]));
    const next = cycle(shuffled(practice.notes.draftSessions, 4));
    const unanswered = new Set<string>();
    let saves = 0;
    return {
      requests: [
        {
          method: 'PUT',
          setupRequest: (request: LoadRequest, context: object) => {
            let entry = next();
            while (unanswered.has(entry.id)) entry = next();
            unanswered.add(entry.id);
            (context as NoteContext).session = entry;
            saves += 1;
            const base = bodies[saves % bodies.length]!;
            const body: NoteContent = {
              ...base,
              plan: { ...base.plan, focusNextTime: `${base.plan.focusNextTime} (save ${saves})` },
            };
            return {
              ...request,
              path: `/api/v1/sessions/${entry.id}/note`,
              // The editor's autosave asks for the new state alone (Prefer: return=minimal).
              headers: {
                ...session.writeHeaders,
                'if-match': `"${versions.get(entry.id)}"`,
                prefer: 'return=minimal',
              },
              body: JSON.stringify(body),
            };
          },
          onResponse: (status: number, body: string, context: object, headers) => {
            const entry = (context as NoteContext).session;
            if (!entry) return;
            unanswered.delete(entry.id);
            const etag = headers?.['etag'];
            const fromEtag = typeof etag === 'string' ? /"(\d+)"/.exec(etag)?.[1] : undefined;
            if (status === 200 && fromEtag) versions.set(entry.id, Number(fromEtag));
            else if (status === 412) {
              const current = (JSON.parse(body) as { currentVersion?: number }).currentVersion;
              if (current !== undefined) versions.set(entry.id, current);
            }
          },
        },
      ],
    };
  },
};

/**
 * Signs pre-seeded drafts, each once: signing re-checks the password with scrypt, so this
 * measures mostly the password hash (by design) plus the locking transaction. When the drafts
 * run out (PALPATE_BENCH_SIGN_DRAFTS) later requests answer 409 and count as errors.
 */
const noteSign: Scenario = {
  id: 'note-sign',
  title: 'Sign a note (POST /sessions/:id/note/sign, password re-check = scrypt, audited)',
  server: 'palpate',
  plan: ({ practice, session }) => {
    const drafts = practice.notes.signDrafts;
    let index = 0;
    const body = JSON.stringify({ password: practice.password });
    return {
      requests: [
        {
          method: 'POST',
          setupRequest: (request: LoadRequest) => {
            const draft = drafts[index % drafts.length]!;
            index += 1;
            return {
              ...request,
              path: `/api/v1/sessions/${draft.id}/note/sign`,
              headers: { ...session.writeHeaders, 'if-match': `"${draft.version}"` },
              body,
            };
          },
        },
      ],
    };
  },
};

const noteSearch: Scenario = {
  id: 'note-search',
  title: 'Search notes (GET /notes/search?q=, full text)',
  server: 'palpate',
  plan: ({ practice, session }) => {
    const paths = practice.noteSearchQueries.map(
      (q) => `/api/v1/notes/search?q=${encodeURIComponent(q)}`,
    );
    const next = cycle(shuffled(paths, 6));
    return {
      requests: [
        {
          method: 'GET',
          headers: session.readHeaders,
          setupRequest: (request: LoadRequest) => ({ ...request, path: next() }),
        },
      ],
    };
  },
};

/** In run order; the baseline first so every ratio has its same-run reference. */
export const scenarios: Scenario[] = [
  helloWorld,
  clientSearch,
  clientOpen,
  clientUpdate,
  timelineOpen,
  clientEffectiveness,
  sessionBriefing,
  draftSave,
  noteSearch,
  noteSign,
  practiceEffectiveness,
  practiceEffectivenessAll,
  clientsNotImproving,
];
export const baselineScenarioId = helloWorld.id;
