import type { Json } from './http.js';

/**
 * Checks of FHIR R4 that the JSON schema does not make: required elements (the schema lets a
 * Consent without `status` pass) and the invariants Palpate's resources are subject to.
 */
const required: Record<string, string[]> = {
  Encounter: ['status', 'class'],
  Procedure: ['status', 'subject'],
  Observation: ['status', 'code', 'subject'],
  Condition: ['subject', 'code'],
  AllergyIntolerance: ['patient', 'code'],
  MedicationStatement: ['status', 'medicationCodeableConcept', 'subject'],
  Flag: ['status', 'code', 'subject'],
  Consent: ['status', 'scope', 'category', 'patient', 'policyRule'],
  Goal: ['lifecycleStatus', 'description', 'subject'],
  CarePlan: ['status', 'intent', 'subject'],
  Composition: ['status', 'type', 'date', 'author', 'title', 'subject'],
  Bundle: ['type'],
  CapabilityStatement: ['status', 'date', 'kind', 'fhirVersion', 'format'],
  OperationOutcome: ['issue'],
};

/** Empty strings and arrays are not valid FHIR JSON anywhere. */
function emptyValues(value: unknown, where: string, found: string[]): void {
  if (value === '' || (Array.isArray(value) && value.length === 0)) found.push(`${where} is empty`);
  if (Array.isArray(value))
    value.forEach((inner, index) => emptyValues(inner, `${where}[${index}]`, found));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) emptyValues(inner, `${where}.${key}`, found);
  }
}

function sectionIssues(sections: Json[] | undefined, where: string): string[] {
  return (sections ?? []).flatMap((section: Json, index: number) => [
    // cmp-1: a section has text, entries or sub-sections.
    ...(section.text || section.entry || section.section ? [] : [`${where}[${index}] is empty`]),
    ...sectionIssues(section.section, `${where}[${index}].section`),
  ]);
}

/** What a resource lacks, as readable lines (empty when it is complete). */
export function missingRequiredElements(resource: Json): string[] {
  const type = resource.resourceType as string;
  const issues = (required[type] ?? [])
    .filter((element) => resource[element] === undefined)
    .map((element) => `${type}/${resource.id} lacks ${element}`);
  emptyValues(resource, `${type}/${resource.id}`, issues);
  if (type === 'Consent') {
    // ppc-1: a policy or a policy rule; ppc-5: a treatment consent names its patient.
    if (!resource.policy && !resource.policyRule) issues.push(`Consent/${resource.id}: ppc-1`);
  }
  if (type === 'Condition' && resource.abatementDateTime) {
    // con-4: an abated condition is not active.
    const status = resource.clinicalStatus?.coding?.[0]?.code;
    if (status === 'active') issues.push(`Condition/${resource.id}: con-4`);
  }
  if (type === 'Composition')
    issues.push(...sectionIssues(resource.section, `Composition/${resource.id}.section`));
  if (type === 'Bundle') {
    const urls = (resource.entry ?? []).map((entry: Json) => entry.fullUrl);
    // bdl-7: fullUrls are unique within a bundle.
    if (new Set(urls).size !== urls.length) issues.push(`Bundle/${resource.id}: bdl-7`);
    if (resource.type === 'document') {
      // bdl-9, bdl-10, bdl-11: a document has an identifier, a timestamp, a Composition first.
      if (!resource.identifier?.system || !resource.identifier?.value) issues.push('bdl-9');
      if (!resource.timestamp) issues.push('bdl-10');
      if (resource.entry?.[0]?.resource?.resourceType !== 'Composition') issues.push('bdl-11');
    }
    for (const entry of resource.entry ?? [])
      issues.push(...missingRequiredElements(entry.resource));
  }
  return issues;
}

/** Every `reference` string in a value, wherever it sits. */
export function referencesIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(referencesIn);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === 'reference' && typeof inner === 'string' ? [inner] : referencesIn(inner),
  );
}

/**
 * References of a bundle's entries that point at nothing in the bundle, nor at a resource
 * the entry contains (`#id`). Entries that are Bundles themselves (a note's document) are
 * checked on their own, as a reader would.
 */
export function unresolvedReferences(bundle: Json): string[] {
  const urls = new Set((bundle.entry ?? []).map((entry: Json) => entry.fullUrl as string));
  return (bundle.entry ?? []).flatMap((entry: Json) => {
    if (entry.resource.resourceType === 'Bundle') return unresolvedReferences(entry.resource);
    const contained = new Set(
      (entry.resource.contained ?? []).map((resource: Json) => `#${resource.id}`),
    );
    return referencesIn(entry.resource).filter(
      (reference) => !urls.has(reference) && !contained.has(reference),
    );
  });
}

/** Every resource of a bundle, those of nested document Bundles included. */
export function resourcesIn(bundle: Json): Json[] {
  return (bundle.entry ?? []).flatMap((entry: Json) =>
    entry.resource.resourceType === 'Bundle'
      ? [entry.resource, ...resourcesIn(entry.resource)]
      : [entry.resource],
  );
}

/** Base64 attachments decoded, so a search of the text sees inside them too. */
export function decodedAttachments(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(decodedAttachments);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === 'data' && typeof inner === 'string'
      ? [Buffer.from(inner, 'base64').toString('utf8')]
      : decodedAttachments(inner),
  );
}
