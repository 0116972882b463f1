import { resultParams, searchParams, searchableTypes } from './search.js';
import type { CapabilityStatement } from './types.js';

/**
 * What the FHIR API offers, as the CapabilityStatement `GET /metadata` answers. It is built
 * from the same tables the routes use (`searchParams`, `readableTypes`), so it cannot promise
 * a parameter the server would refuse.
 */
export const readableTypes = ['Patient', 'Encounter', 'Practitioner', 'Organization'] as const;
export type ReadableType = (typeof readableTypes)[number];

const everything = {
  name: 'everything',
  definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything',
};

export function capabilityStatement(options: {
  base: string;
  version: string;
  date: string;
}): CapabilityStatement {
  const types = [...new Set<string>([...searchableTypes, ...readableTypes])];
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: options.date,
    publisher: 'Palpate',
    kind: 'instance',
    software: { name: 'Palpate', version: options.version },
    implementation: {
      description: 'Palpate FHIR R4 API (read-only): a massage practice’s client records.',
      url: options.base,
    },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        documentation:
          'Read-only. Searches other than Patient need patient=; results page with _count and next links. ' +
          'Unsupported parameters are refused (400). Private reflections and unsigned drafts are never served.',
        security: {
          cors: false,
          // None of R4's security-service codes (OAuth, SMART, Basic …) is a personal token.
          service: [{ text: 'Bearer personal API token' }],
          description:
            'Send Authorization: Bearer plp_… (a personal API token, made in Settings → Personal ' +
            'API tokens or with `palpate token create`). It acts with its user’s role and sees ' +
            'the clients that user may see; every read is audited.',
        },
        resource: types.map((type) => {
          const searchable = (searchableTypes as readonly string[]).includes(type);
          const readable = (readableTypes as readonly string[]).includes(type);
          return {
            type,
            profile: `http://hl7.org/fhir/StructureDefinition/${type}`,
            interaction: [
              ...(readable ? [{ code: 'read' as const }] : []),
              ...(searchable ? [{ code: 'search-type' as const }] : []),
            ],
            ...(searchable
              ? {
                  searchParam: [
                    ...searchParams[type as keyof typeof searchParams],
                    ...resultParams,
                  ],
                }
              : {}),
            ...(type === 'Patient' ? { operation: [everything] } : {}),
          };
        }),
      },
    ],
  };
}
