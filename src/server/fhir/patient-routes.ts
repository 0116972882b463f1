import type { FastifyInstance } from 'fastify';
import { NotFound } from '../../domain/errors.js';
import { clientResources } from '../../domain/fhir/bundle.js';
import { restLinks } from '../../domain/fhir/links.js';
import { patientResource } from '../../domain/fhir/people.js';
import { mappingContext } from '../../domain/fhir/record.js';
import {
  parsePaging,
  parsePatientSearch,
  refuseUnsupported,
  type Query,
} from '../../domain/fhir/search.js';
import { localDate } from '../../domain/time.js';
import { loadClientRecord, practiceRecordContext, recordContext } from '../../store/fhir-record.js';
import { searchPatients } from '../../store/fhir-search.js';
import { findPractice } from '../../store/practices.js';
import { recordAudit } from '../audit-trail.js';
import { loadAuthorizedClient } from '../client-access.js';
import type { AppContext } from '../context.js';
import { authorize, clientScope } from '../policy.js';
import { actorOf, fhirBase, searchPage, sendResource } from './answers.js';

type IdRequest = { Params: { id: string }; Querystring: Query };

/**
 * Patient read and search, and `Patient/{id}/$everything`. The policy is the API's: a Patient
 * is the client's demographics (client.read / client.list, so front desk may read it), while
 * `$everything` is the whole clinical record (clinical.read). Every answer is audited.
 */
export function registerPatientRoutes(app: FastifyInstance, context: AppContext): void {
  const { store, runtime } = context;
  const practiceOf = async (practiceId: string) => {
    const practice = await findPractice(store.db, practiceId);
    if (!practice) throw new NotFound('practice');
    return practice;
  };

  app.get<IdRequest>('/Patient/:id', async (request, reply) => {
    const actor = actorOf(request);
    refuseUnsupported(request.query, []);
    const { client } = await loadAuthorizedClient(
      context,
      request,
      actor,
      request.params.id,
      'client.read',
    );
    const practice = await practiceOf(actor.practiceId);
    const base = await recordContext(store.db, practice, client);
    await recordAudit(context, store.db, request, {
      action: 'fhir.read',
      recordType: 'Patient',
      recordId: client.id,
      clientId: client.id,
    });
    const links = restLinks(fhirBase(request));
    return sendResource(reply, patientResource(client, mappingContext(base, links)));
  });

  app.get<{ Querystring: Query }>('/Patient', async (request, reply) => {
    const actor = actorOf(request);
    authorize(actor, 'client.list');
    const search = parsePatientSearch(request.query);
    const paging = parsePaging(request.query);
    const scope = clientScope(actor, actor.settings.careModel);
    const [found, practice] = await Promise.all([
      searchPatients(store.db, actor.practiceId, scope, search, paging),
      practiceOf(actor.practiceId),
    ]);
    const links = restLinks(fhirBase(request));
    const shared = await practiceRecordContext(store.db, practice);
    const resources = found.clients.map((client) =>
      patientResource(client, mappingContext({ ...shared, client }, links)),
    );
    await recordAudit(context, store.db, request, {
      action: 'fhir.search',
      recordType: 'Patient',
      // Which parameters, never their values: a searched name is about a client.
      detail: {
        parameters: Object.keys(request.query).sort(),
        shown: resources.length,
        total: found.total,
      },
    });
    return sendResource(
      reply,
      searchPage(request, links, paging, { resources, total: found.total, paged: true }),
    );
  });

  app.get<IdRequest>('/Patient/:id/$everything', async (request, reply) => {
    const actor = actorOf(request);
    // start, end, _since and _type would narrow the record; none is offered yet.
    refuseUnsupported(request.query, []);
    const paging = parsePaging(request.query);
    const { client } = await loadAuthorizedClient(
      context,
      request,
      actor,
      request.params.id,
      'clinical.read',
    );
    const practice = await practiceOf(actor.practiceId);
    const now = runtime.now();
    const record = await loadClientRecord(store.db, {
      practice,
      client,
      today: localDate(now, practice.timeZone),
      exportedAt: now.toISOString(),
    });
    const links = restLinks(fhirBase(request));
    const resources = clientResources(record, mappingContext(record, links));
    await recordAudit(context, store.db, request, {
      action: 'fhir.everything',
      recordType: 'Patient',
      recordId: client.id,
      clientId: client.id,
      detail: { offset: paging.offset, total: resources.length },
    });
    return sendResource(
      reply,
      searchPage(request, links, paging, { resources, total: resources.length, paged: false }),
    );
  });
}
