import type { FieldIssue } from '../errors.js';
import { isObject, objectsOf, textOf, type FhirObject } from './fhir-json.js';
import { otherVersionSigns } from './fhir-versions.js';

/**
 * A FHIR R4 Bundle read for import: its entries indexed by fullUrl and by type/id so
 * references resolve as the spec says (https://hl7.org/fhir/R4/bundle.html#references),
 * problems with where they are (`entry[3].resource.birthDate`), and the entries no mapping
 * will ever read, with why.
 */
export interface BundleEntry {
  index: number;
  fullUrl: string | null;
  resource: FhirObject;
  resourceType: string;
  id: string | null;
  /** Where this resource's elements are reported: `entry[3].resource`. */
  location: string;
}

export interface IgnoredEntry {
  entryIndex: number;
  resourceType: string;
  reason: string;
}

export type Resolution =
  | { kind: 'entry'; entry: BundleEntry }
  | { kind: 'contained'; resource: FhirObject }
  /** `broken` when the bundle promised to hold the target (urn:uuid, `#contained`). */
  | { kind: 'missing'; reference: string; broken: boolean }
  | { kind: 'none' };

export interface BundleReading {
  type: string;
  source: string;
  entryCount: number;
  entries: BundleEntry[];
  ignored: IgnoredEntry[];
  errors: FieldIssue[];
  resolve(reference: unknown, from: BundleEntry): Resolution;
}

/** The bundle types whose entries are resources to keep; responses and histories are not. */
export const importableBundleTypes = [
  'transaction',
  'batch',
  'collection',
  'document',
  'searchset',
] as const;

/** No practice moves more than this in one file; a larger one is split or a mistake. */
export const maxBundleEntries = 50_000;

const idPattern = /^[A-Za-z0-9\-.]{1,64}$/;
const localReference = /^(urn:uuid:|urn:oid:)/;

function notABundle(problem: string, field = '(bundle)'): BundleReading {
  return {
    type: '',
    source: '',
    entryCount: 0,
    entries: [],
    ignored: [],
    errors: [{ field, message: problem }],
    resolve: () => ({ kind: 'none' }),
  };
}

export function readBundle(input: unknown): BundleReading {
  if (!isObject(input)) {
    return notABundle(
      'Not FHIR: expected a JSON object with "resourceType": "Bundle". Palpate imports FHIR R4 Bundles.',
    );
  }
  const resourceType = input['resourceType'];
  if (typeof resourceType !== 'string') {
    return notABundle(
      'Not FHIR: the JSON has no resourceType. Palpate imports FHIR R4 Bundles.',
      'resourceType',
    );
  }
  if (resourceType !== 'Bundle') {
    return notABundle(
      `This is a ${resourceType}, not a Bundle. Put the resources in a Bundle (type "collection") and import that.`,
      'resourceType',
    );
  }
  const type = textOf(input['type']);
  if (!type || !(importableBundleTypes as readonly string[]).includes(type)) {
    return notABundle(
      `A Bundle of type ${type ? `"${type}"` : '(none)'} cannot be imported: use a transaction, batch, collection, document or searchset bundle.`,
      'type',
    );
  }
  if (input['entry'] !== undefined && !Array.isArray(input['entry'])) {
    return notABundle('Bundle.entry must be a list of entries.', 'entry');
  }
  const rawEntries = Array.isArray(input['entry']) ? input['entry'] : [];
  if (rawEntries.length === 0) return notABundle('The bundle has no entries to import.', 'entry');
  if (rawEntries.length > maxBundleEntries) {
    return notABundle(
      `The bundle has ${rawEntries.length} entries; at most ${maxBundleEntries} are imported at once. Split it by patient.`,
      'entry',
    );
  }

  const errors: FieldIssue[] = [];
  const ignored: IgnoredEntry[] = [];
  const entries: BundleEntry[] = [];
  const byFullUrl = new Map<string, BundleEntry>();
  const byTypeAndId = new Map<string, BundleEntry>();
  const documents: Array<{ index: number; at: string; entries: unknown[] }> = [];

  /** Reads one entry; `index` is the top-level entry it is, or is inside of. */
  const readEntry = (raw: unknown, index: number, at: string, nested: boolean): void => {
    if (!isObject(raw)) {
      errors.push({ field: at, message: 'Each entry must be an object.' });
      return;
    }
    const request = isObject(raw['request']) ? raw['request'] : null;
    const search = isObject(raw['search']) ? raw['search'] : null;
    if (request && textOf(request['method'])?.toUpperCase() === 'DELETE') {
      ignored.push({
        entryIndex: index,
        resourceType: typeFromUrl(textOf(request['url'])),
        reason: 'A DELETE request: an import adds to records and never deletes.',
      });
      return;
    }
    const resource = raw['resource'];
    if (resource === undefined) {
      ignored.push({
        entryIndex: index,
        resourceType: '(none)',
        reason: 'The entry has no resource.',
      });
      return;
    }
    if (!isObject(resource)) {
      errors.push({ field: `${at}.resource`, message: 'Must be a FHIR resource (an object).' });
      return;
    }
    const entryType = resource['resourceType'];
    if (typeof entryType !== 'string' || !entryType) {
      errors.push({
        field: `${at}.resource.resourceType`,
        message: 'Every resource needs a resourceType.',
      });
      return;
    }
    if (search && textOf(search['mode']) === 'outcome') {
      ignored.push({
        entryIndex: index,
        resourceType: entryType,
        reason: 'A search outcome, not part of a record.',
      });
      return;
    }
    // A document inside a collection (how Palpate and others send signed notes): its entries
    // are read after the collection's own, so what the document repeats is read once.
    if (
      !nested &&
      entryType === 'Bundle' &&
      textOf(resource['type']) === 'document' &&
      Array.isArray(resource['entry'])
    ) {
      documents.push({ index, at: `${at}.resource`, entries: resource['entry'] });
      return;
    }
    for (const sign of otherVersionSigns(resource)) {
      errors.push({ field: `${at}.resource.${sign.path}`, message: sign.message });
    }
    const rawId = resource['id'];
    const id = textOf(rawId);
    if (rawId !== undefined && (!id || !idPattern.test(id))) {
      errors.push({
        field: `${at}.resource.id`,
        message: 'Must be a FHIR id: 1 to 64 letters, digits, "-" or ".".',
      });
    }
    const fullUrl = textOf(raw['fullUrl']);
    const entry: BundleEntry = {
      index,
      fullUrl,
      resource,
      resourceType: entryType,
      id: id && idPattern.test(id) ? id : null,
      location: `${at}.resource`,
    };
    if (nested) {
      // The document's copy of a resource the collection holds (its patient, the visit) is
      // read once; a different resource under a name already taken is still refused below.
      const same = fullUrl
        ? byFullUrl.get(fullUrl)
        : entry.id
          ? byTypeAndId.get(`${entryType}/${entry.id}`)
          : undefined;
      if (same && JSON.stringify(same.resource) === JSON.stringify(resource)) return;
    }
    if (fullUrl) {
      const earlier = byFullUrl.get(fullUrl);
      if (earlier) {
        errors.push({
          field: `${at}.fullUrl`,
          message: `"${fullUrl}" is already the fullUrl of ${earlier.location.replace(/\.resource$/, '')}; each entry needs its own.`,
        });
      } else {
        byFullUrl.set(fullUrl, entry);
      }
    }
    if (entry.id && !byTypeAndId.has(`${entryType}/${entry.id}`)) {
      byTypeAndId.set(`${entryType}/${entry.id}`, entry);
    }
    entries.push(entry);
  };

  rawEntries.forEach((raw: unknown, index) => readEntry(raw, index, `entry[${index}]`, false));
  for (const held of documents) {
    if (entries.length + held.entries.length > maxBundleEntries) {
      errors.push({
        field: held.at,
        message: `With this document the bundle holds more than ${maxBundleEntries} entries; at most ${maxBundleEntries} are imported at once. Split it by patient.`,
      });
      break;
    }
    held.entries.forEach((raw: unknown, inner) =>
      readEntry(raw, held.index, `${held.at}.entry[${inner}]`, true),
    );
  }

  const resolve = (reference: unknown, from: BundleEntry): Resolution => {
    const value = isObject(reference) ? textOf(reference['reference']) : null;
    if (!value) return { kind: 'none' };
    if (value.startsWith('#')) {
      const contained = objectsOf(from.resource['contained']).find(
        (candidate) => textOf(candidate['id']) === value.slice(1),
      );
      return contained
        ? { kind: 'contained', resource: contained }
        : { kind: 'missing', reference: value, broken: true };
    }
    const withoutVersion = value.replace(/\/_history\/[^/]+$/, '');
    const exact = byFullUrl.get(withoutVersion);
    if (exact) return { kind: 'entry', entry: exact };
    if (localReference.test(value)) return { kind: 'missing', reference: value, broken: true };
    const typeAndId = /([A-Za-z]+\/[A-Za-z0-9\-.]{1,64})$/.exec(withoutVersion)?.[1];
    const relativeToBase =
      !/^[a-z]+:/i.test(withoutVersion) && from.fullUrl && /^https?:/.test(from.fullUrl)
        ? byFullUrl.get(`${from.fullUrl.replace(/[A-Za-z]+\/[^/]+$/, '')}${withoutVersion}`)
        : undefined;
    const found = relativeToBase ?? (typeAndId ? byTypeAndId.get(typeAndId) : undefined);
    return found
      ? { kind: 'entry', entry: found }
      : { kind: 'missing', reference: value, broken: false };
  };

  return {
    type,
    source: sourceOf(input, entries),
    entryCount: rawEntries.length,
    entries,
    ignored,
    errors,
    resolve,
  };
}

function typeFromUrl(url: string | null): string {
  return /^([A-Za-z]+)/.exec(url ?? '')?.[1] ?? '(none)';
}

/**
 * Who the records come from, which with each resource's id keys it for re-imports: the
 * bundle's `meta.source`, else the system of the first patient identifier (stable across
 * exports of one system), else the bundle's identifier system.
 */
function sourceOf(bundle: FhirObject, entries: BundleEntry[]): string {
  const meta = isObject(bundle['meta']) ? bundle['meta'] : {};
  const patientSystem = entries
    .filter((entry) => entry.resourceType === 'Patient')
    .flatMap((entry) => objectsOf(entry.resource['identifier']))
    .map((identifier) => textOf(identifier['system']))
    .find((system) => system !== null);
  const bundleIdentifier = isObject(bundle['identifier']) ? bundle['identifier'] : {};
  return clipSource(
    textOf(meta['source']) ??
      patientSystem ??
      textOf(bundleIdentifier['system']) ??
      'unnamed FHIR source',
  );
}

function clipSource(source: string): string {
  return source.length > 200 ? source.slice(0, 200) : source;
}

/**
 * The resource's name within its source, which keys re-imports: `Condition/123` by its id,
 * else its fullUrl, else a digest of its content (a collection bundle may carry neither).
 */
export function recordKeyOf(entry: BundleEntry): string {
  if (entry.id) return `${entry.resourceType}/${entry.id}`;
  if (entry.fullUrl) return entry.fullUrl;
  return `${entry.resourceType}#${contentDigest(JSON.stringify(entry.resource))}`;
}

/** cyrb53: a fast 53-bit string hash; enough to tell resources apart, not a security measure. */
function contentDigest(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
