import type { Kysely, Migration } from 'kysely';
import { dropAppendOnly, makeAppendOnly } from './append-only.js';

/**
 * Consents signed through a client's secure link: which link each such signature came through.
 * The primary key allows one signature of a kind per link, so a second tap on "Sign" (or a
 * replayed request) cannot store a second signature; append-only like the signatures themselves.
 */
export const consentLink: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('client_link_consents')
      .addColumn('link_id', 'text', (col) => col.notNull().references('client_links.id'))
      .addColumn('kind', 'text', (col) => col.notNull())
      .addColumn('signature_id', 'text', (col) =>
        col.notNull().unique().references('consent_signatures.id'),
      )
      .addColumn('practice_id', 'text', (col) => col.notNull().references('practices.id'))
      .addPrimaryKeyConstraint('client_link_consents_pk', ['link_id', 'kind'])
      .execute();
    await makeAppendOnly(db, 'client_link_consents');
  },

  async down(db: Kysely<any>) {
    await dropAppendOnly(db, 'client_link_consents');
    await db.schema.dropTable('client_link_consents').execute();
  },
};
