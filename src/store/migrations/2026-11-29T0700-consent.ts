import type { Kysely, Migration } from 'kysely';
import { dropAppendOnly, makeAppendOnly } from './append-only.js';

/**
 * Consent: published texts, signatures, withdrawals and the reasons a note was signed without
 * current consent. Every table is append-only in the database itself: a text is changed by
 * publishing a new version, a signature by signing again, and a withdrawal is its own row, so
 * what a client signed can always be shown exactly as they saw it.
 */
export const consent: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('consent_texts')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('practice_id', 'text', (col) => col.notNull().references('practices.id'))
      .addColumn('kind', 'text', (col) => col.notNull())
      .addColumn('version', 'integer', (col) => col.notNull())
      .addColumn('title', 'text', (col) => col.notNull())
      .addColumn('body', 'text', (col) => col.notNull())
      .addColumn('validity_months', 'integer')
      .addColumn('requires_resign', 'integer', (col) => col.notNull())
      // Null for the shipped texts seeded on first use.
      .addColumn('published_by', 'text', (col) => col.references('users.id'))
      .addColumn('published_at', 'text', (col) => col.notNull())
      .addUniqueConstraint('consent_texts_version', ['practice_id', 'kind', 'version'])
      .execute();
    await makeAppendOnly(db, 'consent_texts');

    await db.schema
      .createTable('consent_signatures')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('practice_id', 'text', (col) => col.notNull().references('practices.id'))
      .addColumn('client_id', 'text', (col) => col.notNull().references('clients.id'))
      .addColumn('kind', 'text', (col) => col.notNull())
      .addColumn('text_id', 'text', (col) => col.notNull().references('consent_texts.id'))
      .addColumn('text_version', 'integer', (col) => col.notNull())
      // The exact words signed, copied: the signature stands on its own in any export.
      .addColumn('text_title', 'text', (col) => col.notNull())
      .addColumn('text_body', 'text', (col) => col.notNull())
      .addColumn('signer_name', 'text', (col) => col.notNull())
      .addColumn('signer_role', 'text', (col) => col.notNull())
      .addColumn('guardian_relationship', 'text')
      .addColumn('shared_with', 'text')
      .addColumn('mark_type', 'text', (col) => col.notNull())
      .addColumn('mark_format', 'text')
      .addColumn('mark', 'text', (col) => col.notNull())
      .addColumn('signed_at', 'text', (col) => col.notNull())
      .addColumn('ip', 'text', (col) => col.notNull())
      .addColumn('user_agent', 'text', (col) => col.notNull())
      .addColumn('channel', 'text', (col) => col.notNull())
      // The staff member whose device it was; null when the client signed through their link.
      .addColumn('recorded_by', 'text', (col) => col.references('users.id'))
      .execute();
    await db.schema
      .createIndex('consent_signatures_client')
      .on('consent_signatures')
      .columns(['client_id', 'signed_at'])
      .execute();
    await makeAppendOnly(db, 'consent_signatures');

    await db.schema
      .createTable('consent_withdrawals')
      .addColumn('signature_id', 'text', (col) =>
        col.primaryKey().references('consent_signatures.id'),
      )
      .addColumn('practice_id', 'text', (col) => col.notNull().references('practices.id'))
      .addColumn('client_id', 'text', (col) => col.notNull().references('clients.id'))
      .addColumn('reason', 'text', (col) => col.notNull())
      .addColumn('withdrawn_by', 'text', (col) => col.references('users.id'))
      .addColumn('withdrawn_at', 'text', (col) => col.notNull())
      .execute();
    await makeAppendOnly(db, 'consent_withdrawals');

    await db.schema
      .createTable('session_consent_exceptions')
      .addColumn('session_id', 'text', (col) => col.primaryKey().references('sessions.id'))
      .addColumn('practice_id', 'text', (col) => col.notNull().references('practices.id'))
      .addColumn('client_id', 'text', (col) => col.notNull().references('clients.id'))
      .addColumn('reason', 'text', (col) => col.notNull())
      // What was lacking when the note was signed, e.g. "consent to treatment is expired".
      .addColumn('lacking', 'text', (col) => col.notNull())
      .addColumn('recorded_by', 'text', (col) => col.notNull().references('users.id'))
      .addColumn('recorded_at', 'text', (col) => col.notNull())
      .execute();
    await makeAppendOnly(db, 'session_consent_exceptions');
  },

  async down(db: Kysely<any>) {
    for (const table of [
      'session_consent_exceptions',
      'consent_withdrawals',
      'consent_signatures',
      'consent_texts',
    ]) {
      await dropAppendOnly(db, table);
      await db.schema.dropTable(table).execute();
    }
  },
};
