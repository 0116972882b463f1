import type { ExternalRecordKind } from '../external-records.js';
import { isObject, type FhirObject } from '../fhir-import/fhir-json.js';
import { referenceTo } from './links.js';
import type { MappingContext } from './record.js';
import { palpateVocabulary } from './systems.js';
import type { ExternalResource, Identifier } from './types.js';

/**
 * History from other providers as it leaves again: each imported encounter, procedure,
 * observation or document is the resource the source sent, kept whole (codes, body sites,
 * values, narrative), so a record moved twice loses nothing. It takes the id Palpate gave it,
 * names this client as its subject and its imported visit as its encounter, and is tagged as
 * another provider's. References to what the bundle does not hold (the source's practitioners,
 * organisations, other records) become logical references: the identifier of what they
 * pointed at and its name, which a reader can follow without the bundle pretending to hold it.
 */
export interface ExternalRecordFacts {
  id: string;
  kind: ExternalRecordKind;
  source: string;
  /** The resource's name within its source, and that of the visit it belongs to. */
  recordKey: string;
  encounterKey: string | null;
  /** The resource as it was imported (JSON). */
  resource: string;
}

const resourceTypes: Record<ExternalRecordKind, ExternalResource['resourceType']> = {
  encounter: 'Encounter',
  procedure: 'Procedure',
  observation: 'Observation',
  document: 'Composition',
};

/** `urn:…`, `https://…`: a URI that is already absolute. */
const absoluteUri = /^[a-z][a-z0-9+.-]*:\S+$/i;

type Json = FhirObject;

/** What a reference the bundle cannot resolve pointed at, as an identifier a reader can use. */
function pointedAt(reference: string, source: string): Identifier | { value: string } {
  if (absoluteUri.test(reference)) return { system: 'urn:ietf:rfc:3986', value: reference };
  if (/^https?:\/\//.test(source))
    return { system: 'urn:ietf:rfc:3986', value: `${source.replace(/\/+$/, '')}/${reference}` };
  return { value: reference };
}

/** The value with every reference outside the resource made logical; `#contained` stays. */
function withLogicalReferences(value: unknown, source: string): unknown {
  if (Array.isArray(value)) return value.map((item) => withLogicalReferences(item, source));
  if (!isObject(value)) return value;
  const copy: Json = {};
  for (const [key, inner] of Object.entries(value))
    copy[key] = key === 'contained' ? inner : withLogicalReferences(inner, source);
  const reference = value['reference'];
  if (typeof reference !== 'string' || reference.startsWith('#')) return copy;
  const { reference: _dropped, ...logical } = copy;
  const type = /(?:^|\/)([A-Z][A-Za-z]+)\/[A-Za-z0-9\-.]{1,64}(?:\/_history\/[^/]+)?$/.exec(
    reference,
  )?.[1];
  return {
    ...(type && logical['type'] === undefined ? { type } : {}),
    ...logical,
    identifier: isObject(logical['identifier'])
      ? logical['identifier']
      : pointedAt(reference, source),
  };
}

export function externalResources(
  records: readonly ExternalRecordFacts[],
  context: MappingContext,
): ExternalResource[] {
  const encounters = new Map(
    records
      .filter((record) => record.kind === 'encounter')
      .map((record) => [`${record.source}|${record.recordKey}`, record.id]),
  );
  return records.map((record) => {
    const resourceType = resourceTypes[record.kind];
    const {
      id: _sourceId,
      meta: _sourceMeta,
      resourceType: _type,
      ...elements
    } = JSON.parse(record.resource) as Json;
    const resource: ExternalResource = {
      resourceType,
      id: record.id,
      meta: {
        ...(absoluteUri.test(record.source) ? { source: record.source } : {}),
        tag: [
          {
            system: palpateVocabulary.recordOrigin,
            code: 'other-provider',
            display: `History from another provider (${record.source})`,
          },
        ],
      },
      ...(withLogicalReferences(elements, record.source) as Json),
      subject: context.patient,
    };
    const visit = record.encounterKey
      ? encounters.get(`${record.source}|${record.encounterKey}`)
      : undefined;
    if (visit) resource['encounter'] = referenceTo(context.links, 'Encounter', visit);
    return resource;
  });
}
