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
  addenda: AddendumTable;
  note_versions: NoteVersionTable;
  reflections: ReflectionTable;
  note_templates: NoteTemplateTable;
  /** SQLite only: the FTS5 index over `notes.search_text`, keyed by the notes' rowid. */
  notes_fts: { rowid: number; search_text: string };
  /** SQLite only: notes whose text changed since it was last indexed (see note-search-index.ts). */
  notes_fts_pending: { note_rowid: number };
  kysely_migration: { name: string; timestamp: string };
}
