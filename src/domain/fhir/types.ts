/**
 * The part of FHIR R4 (4.0.1) that Palpate writes, typed by hand so the mapping is checked by
 * the compiler without a dependency on generated types. Only elements Palpate fills are here;
 * the official JSON schema (tested on every export) is the authority on the rest.
 */
export interface Coding {
  system: string;
  code: string;
  display?: string;
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
  extension?: Extension[];
}

export interface Extension {
  url: string;
  valueCodeableConcept?: CodeableConcept;
  valueCoding?: Coding;
  valueCode?: string;
  valueString?: string;
  valueDate?: string;
  /** A complex extension's parts. */
  extension?: Extension[];
}

export interface Identifier {
  use?: 'usual' | 'official' | 'secondary';
  system: string;
  value: string;
}

/** `reference` is absent only for things Palpate names but does not hold (a guardian). */
export interface Reference {
  reference?: string;
  display?: string;
}

export interface Period {
  start?: string;
  end?: string;
}

export interface Quantity {
  value: number;
  comparator?: '<' | '<=' | '>=' | '>';
  unit: string;
  /** With `code`, when the unit is UCUM; a unit in words has neither. */
  system?: string;
  code?: string;
}

export interface Narrative {
  status: 'generated' | 'additional';
  div: string;
}

export interface Annotation {
  text: string;
  time?: string;
}

export interface HumanName {
  use?: 'official' | 'usual' | 'nickname';
  text?: string;
  family?: string;
  given?: string[];
}

export interface ContactPoint {
  system: 'phone' | 'email';
  value: string;
  use?: 'home' | 'work' | 'mobile';
}

export interface Address {
  line?: string[];
  city?: string;
  state?: string;
  postalCode?: string;
  country?: string;
}

export interface Attachment {
  contentType: string;
  data?: string;
  title?: string;
  creation?: string;
}

interface ResourceBase {
  id: string;
  identifier?: Identifier[];
  text?: Narrative;
  extension?: Extension[];
}

export interface Patient extends ResourceBase {
  resourceType: 'Patient';
  active: boolean;
  name: HumanName[];
  telecom?: ContactPoint[];
  birthDate?: string;
  address?: Address[];
  contact?: Array<{
    relationship?: CodeableConcept[];
    name?: HumanName;
    telecom?: ContactPoint[];
  }>;
  generalPractitioner?: Reference[];
  managingOrganization?: Reference;
}

export interface Practitioner extends ResourceBase {
  resourceType: 'Practitioner';
  active: boolean;
  name: HumanName[];
}

export interface Organization extends ResourceBase {
  resourceType: 'Organization';
  active: boolean;
  name: string;
  telecom?: ContactPoint[];
  address?: Address[];
}

export type EncounterStatus = 'planned' | 'in-progress' | 'finished' | 'cancelled';

export interface Encounter extends ResourceBase {
  resourceType: 'Encounter';
  status: EncounterStatus;
  class: Coding;
  type?: CodeableConcept[];
  subject: Reference;
  participant?: Array<{ type?: CodeableConcept[]; individual: Reference }>;
  period?: Period;
  length?: Quantity;
  location?: Array<{ location: Reference }>;
  serviceProvider?: Reference;
}

export interface Procedure extends ResourceBase {
  resourceType: 'Procedure';
  status: 'completed';
  category?: CodeableConcept;
  code: CodeableConcept;
  subject: Reference;
  encounter?: Reference;
  performedDateTime?: string;
  performedPeriod?: Period;
  performer?: Array<{ actor: Reference }>;
  bodySite?: CodeableConcept[];
  note?: Annotation[];
}

export interface Observation extends ResourceBase {
  resourceType: 'Observation';
  status: 'final' | 'corrected';
  category?: CodeableConcept[];
  code: CodeableConcept;
  subject: Reference;
  encounter?: Reference;
  effectiveDateTime: string;
  issued?: string;
  performer?: Reference[];
  valueQuantity?: Quantity;
  note?: Annotation[];
  derivedFrom?: Reference[];
}

export interface Condition extends ResourceBase {
  resourceType: 'Condition';
  clinicalStatus?: CodeableConcept;
  category?: CodeableConcept[];
  code: CodeableConcept;
  bodySite?: CodeableConcept[];
  subject: Reference;
  onsetDateTime?: string;
  abatementDateTime?: string;
  recordedDate?: string;
  note?: Annotation[];
}

export interface AllergyIntolerance extends ResourceBase {
  resourceType: 'AllergyIntolerance';
  clinicalStatus: CodeableConcept;
  category?: Array<'food' | 'medication' | 'environment' | 'biologic'>;
  criticality?: 'low' | 'high' | 'unable-to-assess';
  code: CodeableConcept;
  patient: Reference;
  recordedDate?: string;
  reaction?: Array<{
    manifestation: CodeableConcept[];
    severity?: 'mild' | 'moderate' | 'severe';
  }>;
}

export interface MedicationStatement extends ResourceBase {
  resourceType: 'MedicationStatement';
  status: 'active';
  medicationCodeableConcept: CodeableConcept;
  subject: Reference;
  dateAsserted?: string;
  reasonCode?: CodeableConcept[];
  dosage?: Array<{ text: string }>;
}

export interface Flag extends ResourceBase {
  resourceType: 'Flag';
  status: 'active';
  category?: CodeableConcept[];
  code: CodeableConcept;
  subject: Reference;
}

export interface Consent extends ResourceBase {
  resourceType: 'Consent';
  status: 'active' | 'inactive';
  scope: CodeableConcept;
  category: CodeableConcept[];
  patient: Reference;
  dateTime: string;
  performer?: Reference[];
  organization?: Reference[];
  sourceAttachment?: Attachment;
  policyRule: CodeableConcept;
  provision?: {
    type: 'permit';
    period?: Period;
    actor?: Array<{ role: CodeableConcept; reference: Reference }>;
  };
}

export interface Goal extends ResourceBase {
  resourceType: 'Goal';
  lifecycleStatus: 'proposed' | 'active' | 'completed' | 'cancelled';
  achievementStatus?: CodeableConcept;
  description: CodeableConcept;
  subject: Reference;
  startDate?: string;
  target?: Array<{
    measure?: CodeableConcept;
    detailQuantity?: Quantity;
    dueDate?: string;
  }>;
  statusDate?: string;
  statusReason?: string;
  note?: Annotation[];
}

export interface CarePlan extends ResourceBase {
  resourceType: 'CarePlan';
  status: 'active' | 'completed' | 'revoked';
  intent: 'plan';
  title?: string;
  description?: string;
  subject: Reference;
  period?: Period;
  created?: string;
  author?: Reference;
  goal?: Reference[];
  activity?: Array<{ detail: { status: 'scheduled' | 'in-progress'; description: string } }>;
  note?: Annotation[];
}

export interface CompositionSection {
  title: string;
  code?: CodeableConcept;
  text: Narrative;
  entry?: Reference[];
  section?: CompositionSection[];
}

export interface Composition extends ResourceBase {
  resourceType: 'Composition';
  identifier?: never;
  status: 'final' | 'amended';
  type: CodeableConcept;
  subject: Reference;
  encounter?: Reference;
  date: string;
  author: Reference[];
  title: string;
  attester?: Array<{ mode: 'legal'; time: string; party: Reference }>;
  custodian?: Reference;
  section: CompositionSection[];
}

export interface BundleEntry {
  fullUrl: string;
  resource: ClinicalResource | ExternalResource | Bundle;
  search?: { mode: 'match' | 'include' };
}

export interface Bundle {
  resourceType: 'Bundle';
  id?: string;
  identifier?: Identifier;
  type: 'collection' | 'document' | 'searchset';
  timestamp?: string;
  total?: number;
  link?: Array<{ relation: 'self' | 'next' | 'previous'; url: string }>;
  entry?: BundleEntry[];
}

export interface OperationOutcome {
  resourceType: 'OperationOutcome';
  issue: Array<{
    severity: 'error' | 'warning' | 'information';
    code:
      'invalid' | 'not-found' | 'forbidden' | 'login' | 'not-supported' | 'exception' | 'throttled';
    diagnostics: string;
  }>;
}

export interface CapabilityStatement {
  resourceType: 'CapabilityStatement';
  status: 'active';
  date: string;
  publisher?: string;
  kind: 'instance';
  software: { name: string; version: string };
  implementation: { description: string; url: string };
  fhirVersion: '4.0.1';
  format: string[];
  rest: Array<{
    mode: 'server';
    documentation?: string;
    security?: { cors?: boolean; service?: CodeableConcept[]; description?: string };
    resource: Array<{
      type: string;
      profile?: string;
      interaction: Array<{ code: 'read' | 'search-type' }>;
      searchParam?: Array<{
        name: string;
        type: 'string' | 'date' | 'token' | 'reference' | 'number';
        documentation?: string;
      }>;
      operation?: Array<{ name: string; definition: string }>;
    }>;
  }>;
}

/**
 * Another provider's encounter, procedure, observation or document, leaving as it came in
 * (domain/fhir/external-history.ts): its elements are the source's, so they are not typed here.
 */
export interface ExternalResource {
  resourceType: 'Encounter' | 'Procedure' | 'Observation' | 'Composition';
  id: string;
  meta: { source?: string; tag: Coding[] };
  [element: string]: unknown;
}

/** Every resource a client's record becomes. */
export type ClinicalResource =
  | Patient
  | Practitioner
  | Organization
  | Encounter
  | Procedure
  | Observation
  | Condition
  | AllergyIntolerance
  | MedicationStatement
  | Flag
  | Consent
  | Goal
  | CarePlan
  | Composition;

export type Resource = ClinicalResource | Bundle | OperationOutcome | CapabilityStatement;
export type ResourceType = Resource['resourceType'];
