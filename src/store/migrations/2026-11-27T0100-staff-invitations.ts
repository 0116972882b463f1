import type { Kysely, Migration } from 'kysely';

/** Invitations let the owner add staff without ever knowing their password. */
export const staffInvitations: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('staff_invitations')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('practice_id', 'text', (col) => col.notNull().references('practices.id'))
      .addColumn('email', 'text', (col) => col.notNull())
      .addColumn('display_name', 'text', (col) => col.notNull())
      .addColumn('role', 'text', (col) => col.notNull())
      .addColumn('token_hash', 'text', (col) => col.notNull().unique())
      .addColumn('created_by', 'text', (col) => col.references('users.id'))
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('expires_at', 'text', (col) => col.notNull())
      .addColumn('accepted_at', 'text')
      .addColumn('accepted_user_id', 'text', (col) => col.references('users.id'))
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema
      .createIndex('staff_invitations_practice')
      .on('staff_invitations')
      .columns(['practice_id', 'created_at'])
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('staff_invitations').execute();
  },
};
