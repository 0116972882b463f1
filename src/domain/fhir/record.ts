import type { Client } from '../clients.js';
import { displayName } from '../clients.js';
import type { ConsentSignatureView, ConsentTextView } from '../consent-views.js';
import type { GoalInput, TreatmentPlan } from '../goals.js';
import type { HealthHistory } from '../health-history.js';
import type { Addendum, NoteContent } from '../notes.js';
import type { MeasureScore, MeasureView, PsfsActivity } from '../outcome-measures.js';
import type { Practice } from '../practice.js';
import type { Session } from '../sessions.js';
import { referenceTo, type FhirLinks } from './links.js';
import type { Reference } from './types.js';

/**
 * What the FHIR mapping reads: one client's record as the store holds it, already filtered to
 * what may leave the practice. Private reflections have no field here, so no mapping can
 * reach them; unsigned drafts neither — a note becomes part of the record when it is signed.
 */
export interface RecordContext {
  practice: Pick<Practice, 'id' | 'name' | 'address' | 'phone' | 'email' | 'npi'>;
  client: Client;
  /** Staff the record names (therapists, note authors, signers), active or not. */
  staff: StaffFacts[];
  /** Catalogue names by code (techniques, session types) and by id (products). */
  names: CatalogueNames;
  /** The practice's zone, for times a reader sees in narrative. */
  timeZone: string;
}

export interface StaffFacts {
  id: string;
  displayName: string;
  active: boolean;
}

export interface CatalogueNames {
  techniques: ReadonlyMap<string, string>;
  sessionTypes: ReadonlyMap<string, string>;
  products: ReadonlyMap<string, string>;
}

/** A technique of a signed note, as `note_techniques` keeps it for analytics. */
export interface TechniqueUseFacts {
  sessionId: string;
  /** The session's start, and the note's author (who gave the treatment). */
  startsAt: string;
  performerId: string;
  position: number;
  technique: string;
  minutes: number;
  pressure: number;
  regions: string[];
}

/** The pain scores of a signed note (the columns copied from its content). */
export interface PainScoreFacts {
  sessionId: string;
  authorId: string;
  /** Before treatment is the session's start; after is its end. */
  session: Pick<Session, 'startsAt' | 'plannedMinutes' | 'actualMinutes'>;
  painBefore: number | null;
  painAfter: number | null;
  signedAt: string;
}

export interface SignedNoteFacts {
  sessionId: string;
  authorId: string;
  signedBy: string;
  signedAt: string;
  content: NoteContent;
  addenda: Addendum[];
}

export interface CurrentHealthHistoryFacts {
  number: number;
  history: HealthHistory;
  recordedAt: string;
  recordedBy: string;
}

/** Progress: outcome measures, goals and the treatment plan (domain/goals.ts). */
export interface GoalFacts extends GoalInput {
  id: string;
  createdAt: string;
  updatedAt: string;
}

export interface TreatmentPlanFacts {
  number: number;
  plan: TreatmentPlan;
  recordedAt: string;
  recordedBy: string;
}

export interface OutcomeFacts {
  /** The measures the client's scores and goals name, with every definition version. */
  measures: MeasureView[];
  activities: PsfsActivity[];
  /** Scores as they stand after corrections (`effectiveScores`). */
  scores: MeasureScore[];
  goals: GoalFacts[];
  plan: TreatmentPlanFacts | null;
}

export interface ClientRecord extends RecordContext {
  /** Every session, oldest first, whatever its status. */
  sessions: Session[];
  techniqueUses: TechniqueUseFacts[];
  painScores: PainScoreFacts[];
  signedNotes: SignedNoteFacts[];
  healthHistory: CurrentHealthHistoryFacts | null;
  consentSignatures: ConsentSignatureView[];
  consentTexts: ConsentTextView[];
  outcomes: OutcomeFacts;
  /** The practice's local date: which consents are current depends on it. */
  today: string;
  /** When the export was made: the Bundle's timestamp. */
  exportedAt: string;
}

/** What every mapping function needs to point at the patient, practice and staff. */
export interface MappingContext {
  links: FhirLinks;
  practiceId: string;
  patient: Reference;
  organization: Reference;
  practitioner(userId: string): Reference;
  names: CatalogueNames;
  timeZone: string;
}

export function mappingContext(record: RecordContext, links: FhirLinks): MappingContext {
  const staffNames = new Map(record.staff.map((member) => [member.id, member.displayName]));
  return {
    links,
    practiceId: record.practice.id,
    patient: referenceTo(links, 'Patient', record.client.id, displayName(record.client)),
    organization: referenceTo(links, 'Organization', record.practice.id, record.practice.name),
    practitioner: (userId) => referenceTo(links, 'Practitioner', userId, staffNames.get(userId)),
    names: record.names,
    timeZone: record.timeZone,
  };
}
