/**
 * Scenarios for progress and effectiveness: what works for one client and the briefing before
 * a session, both loaded like the other reads, and the practice-wide tables, each one heavy
 * request timed a few times in a row (`sequential`) rather than loaded.
 */
import type { SequentialSettings } from './load.js';
import { similarComplaintRegion } from './note-content.js';
import type { Scenario } from './scenarios.js';

export const clientEffectiveness: Scenario = {
  id: 'client-effectiveness',
  title: 'What works for a client (GET /clients/:id/effectiveness, 500 sessions, audited)',
  server: 'palpate',
  plan: ({ practice, session }) => ({
    requests: [
      {
        method: 'GET',
        path: `/api/v1/clients/${practice.notes.timelineClientId}/effectiveness`,
        headers: session.readHeaders,
      },
    ],
  }),
};

export const sessionBriefing: Scenario = {
  id: 'session-briefing',
  title:
    'Open the briefing before a booked session (GET /sessions/:id/briefing, client with 500 sessions, audited)',
  server: 'palpate',
  plan: ({ practice, session }) => ({
    requests: [
      {
        method: 'GET',
        path: `/api/v1/sessions/${practice.notes.briefingSessionId}/briefing`,
        headers: session.readHeaders,
      },
    ],
  }),
};

/** Five timed in a row after one warm-up: enough for a median of a request taking seconds. */
const fiveInARow: SequentialSettings = { requests: 5, warmupRequests: 1 };

export const practiceEffectiveness: Scenario = {
  id: 'practice-effectiveness',
  title: `What works across clients with pain at ${similarComplaintRegion} (GET /analytics/similar-clients?region=, practice-wide, 5 in a row)`,
  server: 'palpate',
  sequential: fiveInARow,
  plan: ({ session }) => ({
    requests: [
      {
        method: 'GET',
        path: `/api/v1/analytics/similar-clients?region=${similarComplaintRegion}`,
        headers: session.readHeaders,
      },
    ],
  }),
};

/** The same table with no cohort: every client and every signed session of the practice. */
export const practiceEffectivenessAll: Scenario = {
  id: 'practice-effectiveness-all',
  title:
    'What works across every client (GET /analytics/similar-clients, no cohort, practice-wide, 5 in a row)',
  server: 'palpate',
  sequential: fiveInARow,
  plan: ({ session }) => ({
    requests: [
      { method: 'GET', path: '/api/v1/analytics/similar-clients', headers: session.readHeaders },
    ],
  }),
};

export const clientsNotImproving: Scenario = {
  id: 'clients-not-improving',
  title:
    'Clients whose pain has not improved over their last 5 sessions (GET /analytics/pain-not-improving, practice-wide, 5 in a row)',
  server: 'palpate',
  sequential: fiveInARow,
  plan: ({ session }) => ({
    requests: [
      {
        method: 'GET',
        path: '/api/v1/analytics/pain-not-improving',
        headers: session.readHeaders,
      },
    ],
  }),
};
