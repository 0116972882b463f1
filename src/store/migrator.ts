import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import { foundation } from './migrations/2026-11-27T0000-foundation.js';
import { staffInvitations } from './migrations/2026-11-27T0100-staff-invitations.js';
import { clientSearchIndex } from './migrations/2026-11-27T0200-client-search-index.js';
import { sessionsAndNotes } from './migrations/2026-11-27T0300-sessions-and-notes.js';
import { noteSearchRecency } from './migrations/2026-11-27T0350-note-search-recency.js';
import { noteTemplates } from './migrations/2026-11-27T0400-note-templates.js';
import { healthHistory } from './migrations/2026-11-29T0500-health-history.js';
import { safety } from './migrations/2026-11-29T0510-safety.js';
import { intake } from './migrations/2026-11-29T0600-intake.js';
import { consent } from './migrations/2026-11-29T0700-consent.js';
import { noteIndexQueue } from './migrations/2026-11-29T0800-note-index-queue.js';
import { consentLink } from './migrations/2026-11-29T0900-consent-link.js';
import { outcomeMeasures } from './migrations/2026-11-30T0100-outcome-measures.js';
import { followUps } from './migrations/2026-11-30T0200-follow-ups.js';
import { noteProducts } from './migrations/2026-11-30T0300-note-products.js';
import { handoffRetention } from './migrations/2026-11-30T0400-handoff-retention.js';
import { externalRecords } from './migrations/2026-11-30T0500-external-records.js';
import { outcomeIndexes } from './migrations/2026-11-30T0600-outcome-indexes.js';
import { noteSearchTerms } from './migrations/2026-11-30T0700-note-search-terms.js';
import { recordStamps } from './migrations/2026-11-30T0800-record-stamps.js';

/** Every migration, in order. Landed migrations are never edited: add a new file instead. */
export const migrations: Record<string, Migration> = {
  '2026-11-27T0000-foundation': foundation,
  '2026-11-27T0100-staff-invitations': staffInvitations,
  '2026-11-27T0200-client-search-index': clientSearchIndex,
  '2026-11-27T0300-sessions-and-notes': sessionsAndNotes,
  '2026-11-27T0350-note-search-recency': noteSearchRecency,
  '2026-11-27T0400-note-templates': noteTemplates,
  '2026-11-29T0500-health-history': healthHistory,
  '2026-11-29T0510-safety': safety,
  '2026-11-29T0600-intake': intake,
  '2026-11-29T0700-consent': consent,
  '2026-11-29T0800-note-index-queue': noteIndexQueue,
  '2026-11-29T0900-consent-link': consentLink,
  '2026-11-30T0100-outcome-measures': outcomeMeasures,
  '2026-11-30T0200-follow-ups': followUps,
  '2026-11-30T0300-note-products': noteProducts,
  '2026-11-30T0400-handoff-retention': handoffRetention,
  '2026-11-30T0500-external-records': externalRecords,
  '2026-11-30T0600-outcome-indexes': outcomeIndexes,
  '2026-11-30T0700-note-search-terms': noteSearchTerms,
  '2026-11-30T0800-record-stamps': recordStamps,
};

export function migrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  const result = await migrator(db).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((step) => step.status === 'Error');
    throw new Error(
      `Migration ${failed?.migrationName ?? '(unknown)'} failed: ${String(
        result.error instanceof Error ? result.error.message : result.error,
      )}`,
    );
  }
  return result;
}
