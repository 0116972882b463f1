/**
 * The database as Kysely sees it. Instants are ISO-8601 UTC text (sortable, identical on both
 * engines); dates of service are local `YYYY-MM-DD` text; structured values are JSON text.
 * Booleans are avoided in favour of nullable timestamps (`archived_at`), which also say when.
 */
export interface PracticeTable {
  id: string;
  name: string;
  time_zone: string;
  address: string;
  phone: string | null;
  email: string | null;
  licence_number: string | null;
  npi: string | null;
  tax_id: string | null;
  settings: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: string;
  practice_id: string;
  email: string;
  display_name: string;
  role: string;
  status: string;
  password_hash: string;
  failed_logins: number;
  locked_until: string | null;
  last_login_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface LoginSessionTable {
  /** SHA-256 of the cookie value: a stolen database does not yield live sessions. */
  id: string;
  user_id: string;
  practice_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  ended_at: string | null;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  practice_id: string;
  name: string;
  secret_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface ClientTable {
  id: string;
  practice_id: string;
  legal_first_name: string;
  legal_last_name: string;
  preferred_name: string | null;
  pronouns: string | null;
  date_of_birth: string | null;
  email: string | null;
  phone: string | null;
  phone_digits: string | null;
  address: string;
  emergency_contact: string;
  primary_therapist_id: string | null;
  referral_source: string | null;
  communication_preferences: string;
  search_text: string;
  name_birth_key: string | null;
  status: string;
  archived_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  created_by: string | null;
  updated_by: string | null;
}

export interface CareTeamTable {
  client_id: string;
  user_id: string;
  practice_id: string;
  added_by: string | null;
  added_at: string;
}

export interface AuditEventTable {
  id: string;
  seq: number;
  at: string;
  practice_id: string | null;
  user_id: string | null;
  role: string | null;
  action: string;
  record_type: string | null;
  record_id: string | null;
  client_id: string | null;
  ip: string | null;
  user_agent: string | null;
  outcome: string;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditChainTable {
  id: string;
  last_seq: number;
  last_hash: string;
}

export interface StaffInvitationTable {
  id: string;
  practice_id: string;
  email: string;
  display_name: string;
  role: string;
  /** SHA-256 of the secret in the invitation link. */
  token_hash: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_user_id: string | null;
  revoked_at: string | null;
}

export interface CatalogueEntryTable {
  id: string;
  practice_id: string;
  code: string;
  name: string;
  retired_at: string | null;
  created_at: string;
}

export interface SessionTypeTable extends CatalogueEntryTable {
  minutes: number;
}

export interface ProductTable {
  id: string;
  practice_id: string;
  name: string;
  kind: string;
  /** JSON array of ingredient codes. */
  ingredients: string;
  retired_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  id: string;
  practice_id: string;
  client_id: string;
  therapist_id: string;
  starts_at: string;
  service_date: string;
  planned_minutes: number;
  actual_minutes: number | null;
  session_type: string;
  location: string | null;
  status: string;
  status_reason: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  created_by: string | null;
}

export interface NoteTable {
  session_id: string;
  practice_id: string;
  client_id: string;
  author_id: string;
  content: string;
  pain_before: number | null;
  pain_after: number | null;
  /** Folded note text that full-text search indexes. */
  search_text: string;
  signed_at: string | null;
  signed_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface NoteTechniqueTable {
  session_id: string;
  position: number;
  practice_id: string;
  client_id: string;
  service_date: string;
  technique: string;
  minutes: number;
  pressure: number;
  regions: string;
}

/** A product used in a signed note (analytics read these, never the note's JSON). */
export interface NoteProductTable {
  session_id: string;
  position: number;
  practice_id: string;
  client_id: string;
  service_date: string;
  product_id: string;
}

/** A body region a signed note's chart marked as pain: finds clients with a similar complaint. */
export interface NotePainRegionTable {
  session_id: string;
  region: string;
  practice_id: string;
  client_id: string;
  service_date: string;
}

export interface AddendumTable {
  id: string;
  session_id: string;
  practice_id: string;
  author_id: string;
  reason: string;
  text: string;
  created_at: string;
}

export interface NoteVersionTable {
  id: string;
  session_id: string;
  number: number;
  kind: string;
  content: string;
  addendum_id: string | null;
  created_by: string;
  created_at: string;
}

export interface ReflectionTable {
  id: string;
  practice_id: string;
  author_id: string;
  client_id: string;
  session_id: string | null;
  text: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/** One practice's template for one session type; absent means the shipped template. */
export interface NoteTemplateTable {
  id: string;
  practice_id: string;
  session_type: string;
  /** JSON of domain/note-templates.ts NoteTemplate. */
  content: string;
  version: number;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
}

/** One immutable version of a client's health history; `number` counts 1, 2, 3… per client. */
export interface HealthHistoryVersionTable {
  id: string;
  practice_id: string;
  client_id: string;
  number: number;
  /** JSON of domain/health-history.ts HealthHistory. */
  content: string;
  recorded_by: string;
  recorded_at: string;
  source: 'staff' | 'intake' | 'session_check' | 'import';
  session_id: string | null;
  /** JSON array of the sections changed from the previous version, so a list needs no diff. */
  summary: string | null;
}

/** The "any changes since your last visit?" answer, one per session. */
export interface SessionHealthCheckTable {
  session_id: string;
  practice_id: string;
  client_id: string;
  outcome: 'no_changes' | 'changed';
  /** The version current after the check. */
  history_number: number;
  checked_by: string;
  checked_at: string;
}

/** The practice's own intake form; absent means the shipped default form. */
export interface IntakeFormTable {
  id: string;
  practice_id: string;
  /** JSON of domain/intake-forms.ts IntakeForm. */
  content: string;
  version: number;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
}

/** A single-purpose link a client opens without an account; only its token's hash is kept. */
export interface ClientLinkTable {
  id: string;
  practice_id: string;
  client_id: string;
  purpose: string;
  token_hash: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
  used_at: string | null;
}

/** What a client sent through a link, with the form as they saw it; only the review changes. */
export interface IntakeSubmissionTable {
  id: string;
  link_id: string;
  practice_id: string;
  client_id: string;
  form_version: number;
  form: string;
  answers: string;
  submitted_at: string;
  ip: string | null;
  user_agent: string | null;
  status: string;
  reviewed_by: string | null;
  reviewed_at: string | null;
  review_note: string | null;
}

/** A published consent text: append-only; a change is a new version. */
export interface ConsentTextTable {
  id: string;
  practice_id: string;
  kind: string;
  version: number;
  title: string;
  body: string;
  validity_months: number | null;
  /** 1 when signatures of earlier versions stop counting. */
  requires_resign: number;
  published_by: string | null;
  published_at: string;
}

/** A signature with a copy of the exact text signed: append-only. */
/** A consent signed through a client's secure link: at most one per kind per link. */
export interface ClientLinkConsentTable {
  link_id: string;
  kind: string;
  signature_id: string;
  practice_id: string;
}

export interface ConsentSignatureTable {
  id: string;
  practice_id: string;
  client_id: string;
  kind: string;
  text_id: string;
  text_version: number;
  text_title: string;
  text_body: string;
  signer_name: string;
  signer_role: string;
  guardian_relationship: string | null;
  shared_with: string | null;
  mark_type: string;
  mark_format: string | null;
  /** The typed name, or the drawn signature (SVG path data or a PNG data: URL). */
  mark: string;
  signed_at: string;
  ip: string;
  user_agent: string;
  channel: string;
  recorded_by: string | null;
}

export interface ConsentWithdrawalTable {
  signature_id: string;
  practice_id: string;
  client_id: string;
  reason: string;
  withdrawn_by: string | null;
  withdrawn_at: string;
}

/** An alert shown with a session, as evaluated when it started or when its note was signed. */
export interface SessionSafetyAlertTable {
  id: string;
  session_id: string;
  practice_id: string;
  client_id: string;
  stage: 'start' | 'sign';
  position: number;
  rule_id: string;
  rule_set_version: string;
  kind: string;
  title: string;
  message: string;
  because: string;
  /** JSON array of body-region codes. */
  regions: string;
  evaluated_at: string;
}

/** Why a session went ahead despite an absolute contraindication. */
export interface SafetyOverrideTable {
  id: string;
  session_id: string;
  practice_id: string;
  client_id: string;
  rule_id: string;
  reason: string;
  overridden_by: string;
  overridden_at: string;
}

/** The practice's safety settings; absent means the shipped defaults. */
export interface PracticeSafetySettingsTable {
  practice_id: string;
  /** 1 or 0 (SQLite has no boolean). */
  coconut_with_tree_nuts: number;
  version: number;
  updated_by: string;
  updated_at: string;
}

/** Why a note was signed without current treatment consent. */
export interface SessionConsentExceptionTable {
  session_id: string;
  practice_id: string;
  client_id: string;
  reason: string;
  lacking: string;
  recorded_by: string;
  recorded_at: string;
}

/** How a client felt after a session (domain/follow-ups.ts); reactions are a JSON array. */
export interface SessionFollowUpTable {
  id: string;
  practice_id: string;
  client_id: string;
  session_id: string;
  relief: number | null;
  soreness: number | null;
  reactions: string;
  reaction_details: string | null;
  source: string;
  link_id: string | null;
  submitted_at: string;
  /** The staff member who took a follow-up by phone; null when the client sent it. */
  recorded_by: string | null;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
}

/** The session a follow-up link asks about (the link is a row of client_links). */
export interface SessionFollowUpLinkTable {
  link_id: string;
  session_id: string;
  practice_id: string;
}

/** A client handed to another primary therapist, with the note for them: append-only. */
export interface HandoffTable {
  id: string;
  practice_id: string;
  client_id: string;
  from_therapist_id: string | null;
  to_therapist_id: string;
  reason: string;
  continue_with: string | null;
  avoid: string | null;
  handed_off_by: string;
  handed_off_at: string;
}

/** The receiving therapist read the handoff: append-only, one per handoff. */
export interface HandoffAcknowledgementTable {
  handoff_id: string;
  practice_id: string;
  client_id: string;
  acknowledged_by: string;
  acknowledged_at: string;
}

/** A client's record purged after its retention period: what was removed, never its content. */
export interface ClientPurgeTable {
  id: string;
  practice_id: string;
  /** The purged client's id; no such client row exists any more. */
  client_id: string;
  reason: string;
  purged_by: string;
  started_at: string;
  /** Null only inside the purge's own transaction, which database triggers rely on. */
  completed_at: string | null;
  /** JSON object: rows removed per table. */
  removed: string | null;
}

/** A practice's own outcome measure (domain/outcome-measures.ts); built-ins live in code. */
export interface OutcomeMeasureTable {
  id: string;
  practice_id: string;
  /** 'client' (also from a link) or 'staff' (clinician-measured). */
  reported_by: string;
  current_number: number;
  retired_at: string | null;
  retired_by: string | null;
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
}

/** One version of a measure's definition; fixed once a score uses it (a trigger refuses). */
export interface OutcomeMeasureVersionTable {
  measure_id: string;
  number: number;
  practice_id: string;
  name: string;
  unit: string | null;
  min_value: number;
  max_value: number;
  better: string;
  minimal_important_change: number;
  decimals: number;
  question: string | null;
  created_at: string;
  created_by: string;
}

/** An activity a client scores on the PSFS; retired, never deleted. */
export interface PsfsActivityTable {
  id: string;
  practice_id: string;
  client_id: string;
  description: string;
  created_at: string;
  created_by: string | null;
  link_id: string | null;
  retired_at: string | null;
  retired_by: string | null;
}

/** A score (append-only; a correction is a row naming the one it corrects). */
export interface OutcomeScoreTable {
  id: string;
  practice_id: string;
  client_id: string;
  measure_id: string;
  measure_version: number;
  activity_id: string | null;
  /** Null only for a correction that strikes a score out. */
  value: number | null;
  session_id: string | null;
  recorded_at: string;
  entered_at: string;
  recorded_by: string | null;
  source: string;
  link_id: string | null;
  corrects_id: string | null;
  reason: string | null;
}

export interface GoalTable {
  id: string;
  practice_id: string;
  client_id: string;
  statement: string;
  /** 'measure' or 'pain'. */
  target_kind: string;
  measure_id: string | null;
  measure_version: number | null;
  activity_id: string | null;
  pain_moment: string | null;
  comparator: string;
  target_value: number;
  re_evaluation_date: string | null;
  status: string;
  status_reason: string | null;
  revises_goal_id: string | null;
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

/** Every saved state of a goal (append-only); content is JSON of domain GoalInput. */
export interface GoalVersionTable {
  goal_id: string;
  number: number;
  practice_id: string;
  client_id: string;
  content: string;
  recorded_at: string;
  recorded_by: string;
}

/** A client's treatment plan, numbered versions (append-only); content is JSON. */
export interface TreatmentPlanVersionTable {
  id: string;
  practice_id: string;
  client_id: string;
  number: number;
  content: string;
  recorded_at: string;
  recorded_by: string;
}

/** The measures a client's measures link asks for (the link is a row of client_links). */
export interface ClientLinkMeasureTable {
  link_id: string;
  measure_id: string;
  position: number;
  practice_id: string;
}

/** One import from another system (a FHIR bundle or a CSV client list): counts only, no client data. */
export interface ImportTable {
  id: string;
  practice_id: string;
  kind: 'fhir' | 'csv';
  /** Where the records came from: a FHIR source URI, or "CSV client list". */
  source: string;
  imported_by: string;
  imported_at: string;
  /** JSON of the counts the import reported. */
  summary: string;
}

/** What recognises an imported client again: `identifier:<system>|<value>` or `record:<source>|Patient/<id>`. */
export interface ClientSourceKeyTable {
  practice_id: string;
  key: string;
  client_id: string;
  import_id: string;
}

/** The health-history entry a source resource became, or was merged with (`merged` 1). */
export interface ImportedHistoryEntryTable {
  client_id: string;
  source: string;
  record_key: string;
  practice_id: string;
  section: string;
  entry_id: string;
  merged: number;
  import_id: string;
}

/** Another provider's encounter, procedure, observation or document: read-only history. */
export interface ExternalRecordTable {
  id: string;
  practice_id: string;
  client_id: string;
  import_id: string;
  source: string;
  record_key: string;
  kind: 'encounter' | 'procedure' | 'observation' | 'document';
  occurred_at: string | null;
  ended_at: string | null;
  title: string;
  value: string | null;
  detail: string | null;
  code: string | null;
  performer: string | null;
  organization: string | null;
  encounter_key: string | null;
  /** The original FHIR resource as JSON, so nothing the source said is lost. */
  resource: string;
}

export interface Database {
  practices: PracticeTable;
  users: UserTable;
  login_sessions: LoginSessionTable;
  api_tokens: ApiTokenTable;
  clients: ClientTable;
  care_team: CareTeamTable;
  audit_events: AuditEventTable;
  audit_chain: AuditChainTable;
  staff_invitations: StaffInvitationTable;
  techniques: CatalogueEntryTable;
  session_types: SessionTypeTable;
  products: ProductTable;
  sessions: SessionTable;
  notes: NoteTable;
  note_techniques: NoteTechniqueTable;
  note_products: NoteProductTable;
  note_pain_regions: NotePainRegionTable;
  addenda: AddendumTable;
  note_versions: NoteVersionTable;
  reflections: ReflectionTable;
  note_templates: NoteTemplateTable;
  health_history_versions: HealthHistoryVersionTable;
  session_health_checks: SessionHealthCheckTable;
  intake_forms: IntakeFormTable;
  client_links: ClientLinkTable;
  intake_submissions: IntakeSubmissionTable;
  consent_texts: ConsentTextTable;
  consent_signatures: ConsentSignatureTable;
  client_link_consents: ClientLinkConsentTable;
  consent_withdrawals: ConsentWithdrawalTable;
  session_consent_exceptions: SessionConsentExceptionTable;
  session_safety_alerts: SessionSafetyAlertTable;
  safety_overrides: SafetyOverrideTable;
  practice_safety_settings: PracticeSafetySettingsTable;
  outcome_measures: OutcomeMeasureTable;
  outcome_measure_versions: OutcomeMeasureVersionTable;
  psfs_activities: PsfsActivityTable;
  outcome_scores: OutcomeScoreTable;
  goals: GoalTable;
  goal_versions: GoalVersionTable;
  treatment_plan_versions: TreatmentPlanVersionTable;
  client_link_measures: ClientLinkMeasureTable;
  session_follow_ups: SessionFollowUpTable;
  session_follow_up_links: SessionFollowUpLinkTable;
  handoffs: HandoffTable;
  handoff_acknowledgements: HandoffAcknowledgementTable;
  client_purges: ClientPurgeTable;
  imports: ImportTable;
  client_source_keys: ClientSourceKeyTable;
  imported_history_entries: ImportedHistoryEntryTable;
  external_records: ExternalRecordTable;
  /** Moved by triggers on every change to a client's or practice's records (record-stamps.ts). */
  record_stamps: { scope_id: string; stamp: number | string };
  /** SQLite only: the FTS5 index over `notes.search_text`, keyed by the notes' rowid. */
  notes_fts: { rowid: number; search_text: string };
  /** SQLite only: notes whose text changed since it was last indexed (see note-search-index.ts). */
  notes_fts_pending: { note_rowid: number };
  /** SQLite only: each term of `notes_fts` and how many notes hold it (see note-search-terms.ts). */
  notes_fts_terms: { term: string; notes: number };
  kysely_migration: { name: string; timestamp: string };
}
