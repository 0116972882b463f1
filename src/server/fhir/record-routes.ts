import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NotFound } from '../../domain/errors.js';
import { encounterResource } from '../../domain/fhir/encounters.js';
import { healthHistoryResources } from '../../domain/fhir/health-history.js';
import { restLinks } from '../../domain/fhir/links.js';
import { organizationResource, practitionerResource } from '../../domain/fhir/people.js';
import { mappingContext, type MappingContext } from '../../domain/fhir/record.js';
import {
  parsePaging,
  parsePatientReference,
  refuseUnsupported,
  searchParams,
  type Query,
  type SearchableType,
} from '../../domain/fhir/search.js';
import { scoreObservation } from '../../domain/fhir/outcomes.js';
import { painObservations, techniqueProcedure } from '../../domain/fhir/treatment.js';
import type { ClinicalResource } from '../../domain/fhir/types.js';
import type { Client } from '../../domain/clients.js';
import {
  clientOutcomes,
  clientPainScores,
  clientSessions,
  clientTechniqueUses,
  recordContext,
} from '../../store/fhir-record.js';
import { currentHealthHistory } from '../../store/health-history.js';
import { findClient } from '../../store/clients.js';
import { findPractice } from '../../store/practices.js';
import { findUser } from '../../store/users.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit-trail.js';
import { loadAuthorizedClient } from '../client-access.js';
import type { AppContext } from '../context.js';
import { authorize, type Action } from '../policy.js';
import { loadAuthorizedSession } from '../session-access.js';
import { actorOf, fhirBase, searchPage, sendResource } from './answers.js';

type ClientSearchType = Exclude<SearchableType, 'Patient'>;

/**
 * Which permission each type needs, in the terms of policy.ts: an Encounter is the schedule
 * (front desk books sessions), pain scores and techniques are clinical, conditions and
 * allergies are the health history. The FHIR API adds no rule of its own.
 */
const searchActions: Record<ClientSearchType, Action> = {
  Encounter: 'schedule.read',
  Observation: 'clinical.read',
  Procedure: 'clinical.read',
  Condition: 'healthHistory.read',
  AllergyIntolerance: 'healthHistory.read',
};

type Loader = (
  db: AppContext['store']['db'],
  client: Client,
  context: MappingContext,
) => Promise<ClinicalResource[]>;

/** A client's resources of one type, oldest first; only what that type needs is read. */
const loaders: Record<ClientSearchType, Loader> = {
  Encounter: async (db, client, context) =>
    (await clientSessions(db, context.practiceId, client)).map((session) =>
      encounterResource(session, context),
    ),
  Observation: async (db, client, context) => {
    const [pain, outcomes] = await Promise.all([
      clientPainScores(db, context.practiceId, client.id),
      clientOutcomes(db, context.practiceId, client.id),
    ]);
    return [
      ...pain.flatMap((scores) => painObservations(scores, context)),
      ...outcomes.scores.map((score) => scoreObservation(score, outcomes, context)),
    ];
  },
  Procedure: async (db, client, context) => {
    const [history, uses] = await Promise.all([
      historyResources(db, client, context),
      clientTechniqueUses(db, context.practiceId, client.id),
    ]);
    return [
      ...history.filter((resource) => resource.resourceType === 'Procedure'),
      ...uses.map((use) => techniqueProcedure(use, context)),
    ];
  },
  Condition: async (db, client, context) =>
    (await historyResources(db, client, context)).filter(
      (resource) => resource.resourceType === 'Condition',
    ),
  AllergyIntolerance: async (db, client, context) =>
    (await historyResources(db, client, context)).filter(
      (resource) => resource.resourceType === 'AllergyIntolerance',
    ),
};

async function historyResources(
  db: AppContext['store']['db'],
  client: Client,
  context: MappingContext,
): Promise<ClinicalResource[]> {
  const current = await currentHealthHistory(db, context.practiceId, client.id);
  return current ? healthHistoryResources(current, client.id, context) : [];
}

/**
 * Searches by patient for the record's types, and reads of the resources references point at
 * (Encounter, Practitioner, Organization).
 */
export function registerRecordRoutes(app: FastifyInstance, context: AppContext): void {
  const { store } = context;
  const contextFor = async (request: FastifyRequest, actor: Actor, client: Client) => {
    const practice = await findPractice(store.db, actor.practiceId);
    if (!practice) throw new NotFound('practice');
    return mappingContext(
      await recordContext(store.db, practice, client),
      restLinks(fhirBase(request)),
    );
  };

  for (const type of Object.keys(loaders) as ClientSearchType[]) {
    app.get<{ Querystring: Query }>(`/${type}`, async (request, reply) => {
      const actor = actorOf(request);
      refuseUnsupported(
        request.query,
        searchParams[type].map((param) => param.name),
      );
      const clientId = parsePatientReference(request.query);
      const paging = parsePaging(request.query);
      const { client } = await loadAuthorizedClient(
        context,
        request,
        actor,
        clientId,
        searchActions[type],
      );
      const mapping = await contextFor(request, actor, client);
      const resources = await loaders[type](store.db, client, mapping);
      await recordAudit(context, store.db, request, {
        action: 'fhir.search',
        recordType: type,
        clientId: client.id,
        detail: { offset: paging.offset, total: resources.length },
      });
      return sendResource(
        reply,
        searchPage(request, mapping.links, paging, {
          resources,
          total: resources.length,
          paged: false,
        }),
      );
    });
  }

  app.get<{ Params: { id: string }; Querystring: Query }>(
    '/Encounter/:id',
    async (request, reply) => {
      const actor = actorOf(request);
      refuseUnsupported(request.query, []);
      const { session } = await loadAuthorizedSession(
        context,
        request,
        actor,
        request.params.id,
        'schedule.read',
      );
      // The session's access was decided with its client's facts; the client names the patient.
      const client = await findClient(store.db, actor.practiceId, session.clientId);
      if (!client) throw new NotFound('encounter');
      const mapping = await contextFor(request, actor, client);
      await recordAudit(context, store.db, request, {
        action: 'fhir.read',
        recordType: 'Encounter',
        recordId: session.id,
        clientId: client.id,
      });
      return sendResource(reply, encounterResource(session, mapping));
    },
  );

  // Staff and the practice are not clinical records: reading them is not audited, as
  // listing therapists and reading the practice's profile are not.
  app.get<{ Params: { id: string }; Querystring: Query }>(
    '/Practitioner/:id',
    async (request, reply) => {
      const actor = actorOf(request);
      refuseUnsupported(request.query, []);
      authorize(actor, 'therapists.list');
      const user = await findUser(store.db, actor.practiceId, request.params.id);
      if (!user) throw new NotFound('practitioner');
      const member = {
        id: user.id,
        displayName: user.displayName,
        active: user.status === 'active',
      };
      return sendResource(reply, practitionerResource(member, actor.practiceId));
    },
  );

  app.get<{ Params: { id: string }; Querystring: Query }>(
    '/Organization/:id',
    async (request, reply) => {
      const actor = actorOf(request);
      refuseUnsupported(request.query, []);
      authorize(actor, 'practice.read');
      const practice =
        request.params.id === actor.practiceId
          ? await findPractice(store.db, actor.practiceId)
          : undefined;
      if (!practice) throw new NotFound('organization');
      return sendResource(reply, organizationResource(practice));
    },
  );
}
