import { v5 as uuidv5, validate as isUuid } from 'uuid';
import type { Reference, ResourceType } from './types.js';

/**
 * How resources point at each other. A downloaded Bundle stands alone, so its entries are
 * `urn:uuid:` fullUrls and references use them; the REST API answers with relative
 * references (`Patient/{id}`) that a client reads from the same server. The mapping functions
 * take one of these and never build a reference themselves.
 */
export interface FhirLinks {
  reference(type: ResourceType, id: string): string;
  fullUrl(type: ResourceType, id: string): string;
}

/** Any fixed UUID works as a v5 namespace; this one is Palpate's and must never change. */
const palpateNamespace = '6f1d8b2c-4a1e-5c3b-9d7e-2f0a6b8c4e1d';

/**
 * A resource's UUID for `urn:uuid:` links: its own id when that already is one (Palpate's
 * ids are UUIDs), else a name-based UUID of type and id, the same on every export so two
 * exports of one record link their entries identically.
 */
export function resourceUuid(type: ResourceType, id: string): string {
  return isUuid(id) ? id.toLowerCase() : uuidv5(`${type}/${id}`, palpateNamespace);
}

export const bundleLinks: FhirLinks = {
  reference: (type, id) => `urn:uuid:${resourceUuid(type, id)}`,
  fullUrl: (type, id) => `urn:uuid:${resourceUuid(type, id)}`,
};

/** Links for the REST API at `base` (absolute, e.g. `https://clinic.example/fhir/R4`). */
export function restLinks(base: string): FhirLinks {
  return {
    reference: (type, id) => `${type}/${id}`,
    fullUrl: (type, id) => `${base}/${type}/${id}`,
  };
}

export function referenceTo(
  links: FhirLinks,
  type: ResourceType,
  id: string,
  display?: string,
): Reference {
  const reference = links.reference(type, id);
  return display ? { reference, display } : { reference };
}

/**
 * Ids of resources that have no row of their own: a technique used in a session and the pain
 * scores of its note. They are derived from the session's id, so they are the same in every
 * export (FHIR ids are at most 64 of [A-Za-z0-9-.]; these are 49 at most).
 */
export function techniqueProcedureId(sessionId: string, position: number): string {
  return `${sessionId}-technique-${position}`;
}

export type PainMoment = 'before' | 'after';

export function painObservationId(sessionId: string, moment: PainMoment): string {
  return `${sessionId}-pain-${moment}`;
}

export function noteCompositionId(sessionId: string): string {
  return `${sessionId}-note`;
}

/** The note's document Bundle (the Composition with what it references). */
export function noteDocumentId(sessionId: string): string {
  return `${sessionId}-document`;
}
