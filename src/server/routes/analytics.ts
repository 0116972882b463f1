import {
  cohortEffectiveness,
  hasNotImproved,
  therapistOutcomes,
} from '../../domain/effectiveness-cohort.js';
import {
  ClientsNotImproving,
  CohortEffectiveness,
  CohortQuery,
  PlateauQuery,
  TherapistOutcomes,
  painMinimalImportantChange,
} from '../../domain/effectiveness-views.js';
import {
  totalsByClientAndFactor,
  totalsByTherapistAndClient,
} from '../../domain/effectiveness-totals.js';
import { factorLabels } from '../../store/effectiveness.js';
import { clientListings, recentPainBefore } from '../../store/pain-plateaus.js';
import {
  clientsWithCondition,
  cohortFactorUses,
  cohortFollowUps,
  cohortVisits,
  type Cohort,
} from '../../store/practice-analytics.js';
import { listUsers } from '../../store/users.js';
import { recordAudit } from '../audit-trail.js';
import type { AppContext } from '../context.js';
import { authorize, clientScope } from '../policy.js';
import { defineRoute, type RouteSpec } from '../routing.js';

/**
 * Practice-wide analytics: what works for clients with a similar complaint (each client counted
 * once), outcome summaries per therapist (owner only), and clients whose pain has not improved.
 * Each table covers only the clients the reader may see.
 */
export function analyticsRoutes(context: AppContext): RouteSpec[] {
  const { store } = context;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/analytics/similar-clients',
      operationId: 'getSimilarClientsEffectiveness',
      summary:
        'What works across clients with a similar complaint (pain at a body region, or a health-history condition; none given: every client you may see), each client counted once, with 95% intervals across clients',
      tag: 'analytics',
      auth: 'user',
      query: CohortQuery,
      responses: { 200: CohortEffectiveness, 400: null },
      handler: async ({ actor, query, request }) => {
        authorize(actor, 'analytics.read');
        const cohort: Cohort = {
          scope: clientScope(actor, actor.settings.careModel),
          region: query.region,
          clientIds: query.condition
            ? await clientsWithCondition(store.db, actor.practiceId, query.condition)
            : undefined,
        };
        const [visits, uses, followUps, labels] = await Promise.all([
          cohortVisits(store.db, actor.practiceId, cohort),
          cohortFactorUses(store.db, actor.practiceId, cohort),
          cohortFollowUps(store.db, actor.practiceId, cohort),
          factorLabels(store.db, actor.practiceId),
        ]);
        const { factors, clients } = totalsByClientAndFactor(visits, uses, followUps);
        const result = cohortEffectiveness(factors, clients, {
          minimumClients: actor.settings.effectivenessMinimumSessions,
          labels,
          region: query.region ?? null,
          condition: query.condition ?? null,
        });
        await recordAudit(context, store.db, request, {
          action: 'analytics.similarClients',
          recordType: 'practice',
          recordId: actor.practiceId,
          detail: {
            region: query.region ?? null,
            condition: query.condition ?? null,
            clients: result.clients,
          },
        });
        return result;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/analytics/therapists',
      operationId: 'getTherapistOutcomes',
      summary:
        'Outcome summaries per therapist, from the signed notes each wrote: clients, sessions, how often pain was recorded, relief and carry-over (each client counted once), reactions (owner only)',
      tag: 'analytics',
      auth: 'user',
      responses: { 200: TherapistOutcomes },
      handler: async ({ actor, request }) => {
        authorize(actor, 'analytics.therapists');
        const practice: Cohort = { scope: { kind: 'practice' } };
        const [visits, followUps, staff] = await Promise.all([
          cohortVisits(store.db, actor.practiceId, practice),
          cohortFollowUps(store.db, actor.practiceId, practice),
          listUsers(store.db, actor.practiceId),
        ]);
        const totals = totalsByTherapistAndClient(visits, followUps);
        // Clinicians still here, and those who left but whose notes still count.
        const authors = new Set(totals.map((row) => row.therapistId));
        const clinicians = staff.filter(
          (user) =>
            user.role !== 'front_desk' && (user.status === 'active' || authors.has(user.id)),
        );
        const minimumClients = actor.settings.effectivenessMinimumSessions;
        await recordAudit(context, store.db, request, {
          action: 'analytics.therapists',
          recordType: 'practice',
          recordId: actor.practiceId,
        });
        return {
          minimumClients,
          therapists: therapistOutcomes(
            totals,
            clinicians.map((user) => ({ id: user.id, name: user.displayName })),
            minimumClients,
          ),
        };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/analytics/pain-not-improving',
      operationId: 'listClientsNotImproving',
      summary:
        'Active clients whose pain before has not fallen by the minimal important change (2 points) over their last N signed sessions (default 5), to revisit the plan',
      tag: 'analytics',
      auth: 'user',
      query: PlateauQuery,
      responses: { 200: ClientsNotImproving, 400: null },
      handler: async ({ actor, query, request }) => {
        authorize(actor, 'analytics.read');
        const recent = await recentPainBefore(
          store.db,
          actor.practiceId,
          clientScope(actor, actor.settings.careModel),
          query.sessions,
        );
        const stuck = recent.filter(
          (client) =>
            client.readings.length === query.sessions &&
            hasNotImproved(client.readings.map((reading) => reading.painBefore)),
        );
        // Only the clients listed are named: a practice has thousands, a list a handful.
        const listings = await clientListings(
          store.db,
          actor.practiceId,
          stuck.map((client) => client.clientId),
        );
        const clients = stuck
          .map((client) => ({
            ...client,
            clientName: listings.get(client.clientId)?.clientName ?? '',
            primaryTherapistId: listings.get(client.clientId)?.primaryTherapistId ?? null,
            decrease: client.readings[0]!.painBefore - client.readings.at(-1)!.painBefore,
          }))
          .sort((a, b) => a.decrease - b.decrease || a.clientName.localeCompare(b.clientName));
        await recordAudit(context, store.db, request, {
          action: 'analytics.painNotImproving',
          recordType: 'practice',
          recordId: actor.practiceId,
          detail: { sessions: query.sessions, clients: clients.length },
        });
        return {
          sessions: query.sessions,
          minimalImportantChange: painMinimalImportantChange,
          clients,
        };
      },
    }),
  ];
}
