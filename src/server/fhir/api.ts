import type { FastifyInstance } from 'fastify';
import { NotFound } from '../../domain/errors.js';
import { capabilityStatement } from '../../domain/fhir/capability.js';
import { jsonFormats, refuseUnsupported, type Query } from '../../domain/fhir/search.js';
import type { AppContext } from '../context.js';
import { NotAcceptable, ReadOnly, fhirBase, sendOutcome, sendResource } from './answers.js';
import { registerPatientRoutes } from './patient-routes.js';
import { registerRecordRoutes } from './record-routes.js';

/**
 * The read-only FHIR R4 API under /fhir/R4, for other clinical systems. It lives outside the
 * OpenAPI document on purpose: FHIR describes itself with the CapabilityStatement at
 * /metadata, answers FHIR resources rather than schemas of ours, and reports errors as
 * OperationOutcome instead of problem+json. Authentication (Bearer API token, or the browser
 * session) and the audit trail are the rest of the server's; permissions are policy.ts's.
 */
const acceptedTypes = new Set([
  '*/*',
  'application/*',
  'application/json',
  'application/fhir+json',
  'application/json+fhir',
]);

/** Whether an Accept header admits JSON (parameters such as `fhirVersion=4.0` are ignored). */
export function acceptsJson(accept: string | undefined): boolean {
  if (!accept) return true;
  return accept
    .split(',')
    .map((type) => type.split(';')[0]!.trim().toLowerCase())
    .some((type) => acceptedTypes.has(type));
}

export async function registerFhirApi(app: FastifyInstance, context: AppContext): Promise<void> {
  await app.register(
    async (fhir) => {
      fhir.setErrorHandler(sendOutcome);
      fhir.setNotFoundHandler((request, reply) => {
        const error =
          request.method === 'GET' || request.method === 'HEAD'
            ? new NotFound(
                'resource',
                `This server does not serve ${request.url.split('?')[0]}. See /fhir/R4/metadata for what it does.`,
              )
            : new ReadOnly('The FHIR API is read-only.');
        return sendOutcome(error, request, reply);
      });
      // Content negotiation first: a client that wants XML learns it before anything is read.
      fhir.addHook('onRequest', async (request) => {
        const format = (request.query as Query)['_format'];
        const formats = format === undefined ? [] : Array.isArray(format) ? format : [format];
        if (
          formats.some((value) => !jsonFormats.has(value)) ||
          !acceptsJson(request.headers.accept)
        ) {
          throw new NotAcceptable('This server answers FHIR JSON only (application/fhir+json).');
        }
      });

      // The CapabilityStatement describes the API, not anyone's record: no token needed.
      fhir.get<{ Querystring: Query }>('/metadata', async (request, reply) => {
        refuseUnsupported(request.query, []);
        return sendResource(
          reply,
          capabilityStatement({
            base: fhirBase(request),
            version: context.version,
            date: context.runtime.now().toISOString(),
          }),
        );
      });
      registerPatientRoutes(fhir, context);
      registerRecordRoutes(fhir, context);
    },
    { prefix: '/fhir/R4' },
  );
}
