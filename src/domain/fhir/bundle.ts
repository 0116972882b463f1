import { consentResources } from './consents.js';
import { encounterResource } from './encounters.js';
import { externalResources, type ExternalRecordFacts } from './external-history.js';
import { healthHistoryResources } from './health-history.js';
import {
  bundleLinks,
  noteCompositionId,
  noteDocumentId,
  resourceUuid,
  type FhirLinks,
} from './links.js';
import { noteComposition } from './notes.js';
import { carePlanResource, goalResource, scoreObservation } from './outcomes.js';
import { organizationResource, patientResource, practitionerResource } from './people.js';
import { mappingContext, type ClientRecord, type MappingContext } from './record.js';
import { painObservations, techniqueProcedure } from './treatment.js';
import type {
  Bundle,
  BundleEntry,
  ClinicalResource,
  Composition,
  ExternalResource,
} from './types.js';

/**
 * A client's whole record as FHIR R4, assembled from the mapping functions beside this file.
 * `clientResources` gives every resource in reading order (for the API's `$everything`);
 * `clientRecordBundle` wraps them as the downloadable export: a `collection` Bundle whose
 * entries have `urn:uuid:` fullUrls, with each signed note as a `document` Bundle (its
 * Composition first, then what it references), so the note travels as one attested document.
 */
export function clientResources(record: ClientRecord, context: MappingContext): ClinicalResource[] {
  const sessionsById = new Map(record.sessions.map((session) => [session.id, session]));
  const compositions = record.signedNotes.flatMap((note) => {
    const session = sessionsById.get(note.sessionId);
    return session ? [noteComposition(note, session, context)] : [];
  });
  return [
    patientResource(record.client, context),
    organizationResource(record.practice),
    ...record.staff.map((member) => practitionerResource(member, record.practice.id)),
    ...(record.healthHistory
      ? healthHistoryResources(record.healthHistory, record.client.id, context)
      : []),
    ...consentResources(
      record.consentSignatures,
      record.consentTexts,
      {
        clientDateOfBirth: record.client.dateOfBirth,
        today: record.today,
        timeZone: record.timeZone,
      },
      context,
    ),
    ...record.sessions.map((session) => encounterResource(session, context)),
    ...record.techniqueUses.map((use) => techniqueProcedure(use, context)),
    ...record.painScores.flatMap((scores) => painObservations(scores, context)),
    ...outcomeResources(record, context),
    ...compositions,
  ];
}

/** Measure scores, goals and the current treatment plan. */
export function outcomeResources(
  record: Pick<ClientRecord, 'outcomes' | 'client'>,
  context: MappingContext,
): ClinicalResource[] {
  const { outcomes } = record;
  return [
    ...outcomes.scores.map((score) => scoreObservation(score, outcomes, context)),
    ...outcomes.goals.map((goal) => goalResource(goal, outcomes, context)),
    ...(outcomes.plan
      ? [carePlanResource(outcomes.plan, outcomes.goals, outcomes, record.client.id, context)]
      : []),
  ];
}

export function entryOf(
  resource: ClinicalResource | ExternalResource | Bundle,
  links: FhirLinks,
): BundleEntry {
  return { fullUrl: links.fullUrl(resource.resourceType, resource.id ?? ''), resource };
}

/** Every reference inside a value, wherever it sits (subject, entry, performer.actor …). */
export function referencesIn(value: unknown): string[] {
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [key, inner] of Object.entries(node)) {
        if (key === 'reference' && typeof inner === 'string') found.push(inner);
        else visit(inner);
      }
    }
  };
  visit(value);
  return found;
}

/**
 * A signed note as a FHIR document: the Composition first, then every resource it refers to
 * (patient, practice, authors, the encounter, its pain scores and techniques), so the document
 * resolves on its own wherever it goes. Its identifier and timestamp are the Composition's.
 */
export function noteDocument(
  sessionId: string,
  composition: Composition,
  pool: ReadonlyMap<string, ClinicalResource>,
): Bundle {
  const included: ClinicalResource[] = [];
  const seen = new Set<string>();
  const pending = referencesIn(composition);
  for (let reference = pending.shift(); reference !== undefined; reference = pending.shift()) {
    const resource = pool.get(reference);
    if (!resource || seen.has(reference)) continue;
    seen.add(reference);
    included.push(resource);
    // A technique names its performer; an encounter its therapist and the practice.
    pending.push(...referencesIn(resource));
  }
  const id = noteDocumentId(sessionId);
  return {
    resourceType: 'Bundle',
    id,
    identifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${resourceUuid('Bundle', id)}` },
    type: 'document',
    timestamp: composition.date,
    entry: [composition, ...included].map((resource) => entryOf(resource, bundleLinks)),
  };
}

/**
 * The export: a `collection` Bundle of the whole record. The notes' Compositions travel inside
 * their document Bundles; everything else is an entry of its own. History imported from other
 * providers comes last, each resource as its source sent it and tagged as theirs.
 */
export function clientRecordBundle(
  record: ClientRecord,
  externalRecords: readonly ExternalRecordFacts[] = [],
): Bundle {
  const context = mappingContext(record, bundleLinks);
  const resources = clientResources(record, context);
  const pool = new Map(
    resources.map((resource) => [
      bundleLinks.reference(resource.resourceType, resource.id),
      resource,
    ]),
  );
  const noteSessions = new Map(
    record.signedNotes.map((note) => [noteCompositionId(note.sessionId), note.sessionId]),
  );
  const entries = resources.map((resource) => {
    if (resource.resourceType !== 'Composition') return entryOf(resource, bundleLinks);
    const sessionId = noteSessions.get(resource.id) ?? resource.id;
    return entryOf(noteDocument(sessionId, resource, pool), bundleLinks);
  });
  for (const resource of externalResources(externalRecords, context))
    entries.push(entryOf(resource, bundleLinks));
  const id = `${record.client.id}-export`;
  return {
    resourceType: 'Bundle',
    id,
    identifier: {
      system: 'urn:ietf:rfc:3986',
      value: `urn:uuid:${resourceUuid('Bundle', `${id}/${record.exportedAt}`)}`,
    },
    type: 'collection',
    timestamp: record.exportedAt,
    entry: entries,
  };
}
