import type { Database } from './schema.js';

/**
 * Every table that holds rows about one client, and how a row names that client: the one list
 * that the client's copy (right of access), the practice export and a purge after retention
 * all read, so a table added for a new feature is added here once and reaches all three.
 * `client-tables.test.ts` fails when a table with a `client_id` column is missing.
 *
 * Parents come before the rows that hang from them (a purge deletes in reverse order).
 */
export type ClientOfRow =
  | { column: 'id' | 'client_id' }
  | { through: 'sessions'; column: 'session_id' }
  | { through: 'client_links'; column: 'link_id' };

export interface ClientTable {
  table: keyof Database;
  client: ClientOfRow;
  /**
   * Why the client's copy leaves the table out, when it does. A private reflection is the
   * therapist's own thinking, not the clinical record: it is never exported (PRODUCT.md,
   * capability 12), though the law may still compel it through another route.
   */
  notInClientCopy?: string;
  /** Why a purge after the retention period leaves the table's rows, when it does. */
  keptAfterPurge?: string;
}

const own = { column: 'client_id' } as const;
const ofSession = { through: 'sessions', column: 'session_id' } as const;
const ofLink = { through: 'client_links', column: 'link_id' } as const;

export const clientTables: readonly ClientTable[] = [
  { table: 'clients', client: { column: 'id' } },
  { table: 'care_team', client: own },
  { table: 'consent_signatures', client: own },
  { table: 'consent_withdrawals', client: own },
  { table: 'client_links', client: own },
  { table: 'client_link_consents', client: ofLink },
  { table: 'intake_submissions', client: own },
  { table: 'sessions', client: own },
  // After sessions: a version saved at a session's health check names that session.
  { table: 'health_history_versions', client: own },
  { table: 'session_health_checks', client: own },
  { table: 'session_safety_alerts', client: own },
  { table: 'safety_overrides', client: own },
  { table: 'session_consent_exceptions', client: own },
  { table: 'notes', client: own },
  { table: 'note_techniques', client: own },
  { table: 'note_products', client: own },
  { table: 'note_pain_regions', client: own },
  { table: 'addenda', client: ofSession },
  { table: 'note_versions', client: ofSession },
  { table: 'session_follow_ups', client: own },
  { table: 'session_follow_up_links', client: ofSession },
  // Outcome measures: activities before the scores and goals that name them; each goal's
  // versions after it. The practice's measure definitions name no client.
  { table: 'psfs_activities', client: own },
  { table: 'outcome_scores', client: own },
  { table: 'goals', client: own },
  { table: 'goal_versions', client: own },
  { table: 'treatment_plan_versions', client: own },
  { table: 'client_link_measures', client: ofLink },
  {
    table: 'reflections',
    client: own,
    notInClientCopy: 'Private reflections are the therapist’s own notes, not the clinical record.',
  },
  { table: 'handoffs', client: own },
  { table: 'handoff_acknowledgements', client: own },
  // History from other providers (FHIR import), which entries it became, and the keys that
  // recognise the client in a later import.
  { table: 'external_records', client: own },
  { table: 'imported_history_entries', client: own },
  { table: 'client_source_keys', client: own },
  // Who read and changed the record, and when: part of what is held about the client. The
  // audit trail itself is append-only and outlives a purge (it records the purge).
  {
    table: 'audit_events',
    client: own,
    keptAfterPurge:
      'The audit trail is append-only and tamper-evident; it names who did what, never clinical content, and records the purge itself.',
  },
  {
    table: 'client_purges',
    client: own,
    keptAfterPurge: 'What a purge removed (rows per table, who, when, why), kept for good.',
  },
];

/**
 * Columns never written into a copy or an export: secrets (a link's token hash) and what the
 * database derives from other columns for searching, which says nothing new about the client.
 */
export const omittedColumns: Partial<Record<keyof Database, readonly string[]>> = {
  clients: ['search_text', 'phone_digits', 'name_birth_key'],
  notes: ['search_text'],
  client_links: ['token_hash'],
};
