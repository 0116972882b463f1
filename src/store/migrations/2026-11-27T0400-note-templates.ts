import type { Kysely, Migration } from 'kysely';

/**
 * Note templates, one per practice and session type, edited by the owner. A practice with no
 * row for a session type uses the shipped template, read at request time: practices created
 * before this migration need no backfill, and unedited templates follow improved wording.
 */
export const noteTemplates: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('note_templates')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('practice_id', 'text', (col) => col.notNull().references('practices.id'))
      .addColumn('session_type', 'text', (col) => col.notNull())
      .addColumn('content', 'text', (col) => col.notNull())
      .addColumn('version', 'integer', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .addColumn('updated_by', 'text', (col) => col.references('users.id'))
      .addUniqueConstraint('note_templates_session_type', ['practice_id', 'session_type'])
      .execute();
  },

  async down(db: Kysely<any>) {
    await db.schema.dropTable('note_templates').execute();
  },
};
