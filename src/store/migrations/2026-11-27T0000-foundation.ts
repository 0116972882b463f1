import { sql, type Kysely, type Migration } from 'kysely';
import { dropAppendOnly, makeAppendOnly } from './append-only.js';
import { isSqlite } from './dialect.js';

/** Practice, staff, login sessions, API tokens, clients, care teams and the audit chain. */
export const foundation: Migration = {
  async up(db: Kysely<any>) {
    const bigint = isSqlite(db) ? 'integer' : 'bigint';

    await db.schema
      .createTable('practices')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('name', 'text', (col) => col.notNull())
      .addColumn('time_zone', 'text', (col) => col.notNull())
      .addColumn('address', 'text', (col) => col.notNull())
      .addColumn('phone', 'text')
      .addColumn('email', 'text')
      .addColumn('licence_number', 'text')
      .addColumn('npi', 'text')
      .addColumn('tax_id', 'text')
      .addColumn('settings', 'text', (col) => col.notNull())
      .addColumn('version', 'integer', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .execute();

    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('practice_id', 'text', (col) => col.notNull().references('practices.id'))
      .addColumn('email', 'text', (col) => col.notNull())
      .addColumn('display_name', 'text', (col) => col.notNull())
      .addColumn('role', 'text', (col) =>
        col.notNull().check(sqlIn('role', ['owner', 'therapist', 'front_desk'])),
      )
      .addColumn('status', 'text', (col) =>
        col.notNull().check(sqlIn('status', ['active', 'deactivated'])),
      )
      .addColumn('password_hash', 'text', (col) => col.notNull())
      .addColumn('failed_logins', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('locked_until', 'text')
      .addColumn('last_login_at', 'text')
      .addColumn('version', 'integer', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .execute();
    // Login is by email alone, so an email names one account across the whole installation.
    await db.schema.createIndex('users_email').unique().on('users').column('email').execute();
    await db.schema
      .createIndex('users_practice')
      .on('users')
      .columns(['practice_id', 'role'])
      .execute();

    await db.schema
      .createTable('login_sessions')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
      .addColumn('practice_id', 'text', (col) => col.notNull().references('practices.id'))
      .addColumn('csrf_token', 'text', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('last_seen_at', 'text', (col) => col.notNull())
      .addColumn('ended_at', 'text')
      .addColumn('ip', 'text')
      .addColumn('user_agent', 'text')
      .execute();
    await db.schema
      .createIndex('login_sessions_user')
      .on('login_sessions')
      .column('user_id')
      .execute();

    await db.schema
      .createTable('api_tokens')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
      .addColumn('practice_id', 'text', (col) => col.notNull().references('practices.id'))
      .addColumn('name', 'text', (col) => col.notNull())
      .addColumn('secret_hash', 'text', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('last_used_at', 'text')
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema.createIndex('api_tokens_user').on('api_tokens').column('user_id').execute();

    await db.schema
      .createTable('clients')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('practice_id', 'text', (col) => col.notNull().references('practices.id'))
      .addColumn('legal_first_name', 'text', (col) => col.notNull())
      .addColumn('legal_last_name', 'text', (col) => col.notNull())
      .addColumn('preferred_name', 'text')
      .addColumn('pronouns', 'text')
      .addColumn('date_of_birth', 'text')
      .addColumn('email', 'text')
      .addColumn('phone', 'text')
      .addColumn('phone_digits', 'text')
      .addColumn('address', 'text', (col) => col.notNull())
      .addColumn('emergency_contact', 'text', (col) => col.notNull())
      .addColumn('primary_therapist_id', 'text', (col) => col.references('users.id'))
      .addColumn('referral_source', 'text')
      .addColumn('communication_preferences', 'text', (col) => col.notNull())
      .addColumn('search_text', 'text', (col) => col.notNull())
      .addColumn('name_birth_key', 'text')
      .addColumn('status', 'text', (col) =>
        col.notNull().check(sqlIn('status', ['active', 'archived'])),
      )
      .addColumn('archived_at', 'text')
      .addColumn('version', 'integer', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .addColumn('created_by', 'text')
      .addColumn('updated_by', 'text')
      .execute();
    await db.schema
      .createIndex('clients_by_name')
      .on('clients')
      .columns(['practice_id', 'status', 'legal_last_name', 'legal_first_name', 'id'])
      .execute();
    await db.schema
      .createIndex('clients_by_phone')
      .on('clients')
      .columns(['practice_id', 'phone_digits'])
      .execute();
    await db.schema
      .createIndex('clients_by_name_birth')
      .on('clients')
      .columns(['practice_id', 'name_birth_key'])
      .execute();
    await db.schema
      .createIndex('clients_by_therapist')
      .on('clients')
      .columns(['practice_id', 'primary_therapist_id'])
      .execute();

    await db.schema
      .createTable('care_team')
      .addColumn('client_id', 'text', (col) => col.notNull().references('clients.id'))
      .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
      .addColumn('practice_id', 'text', (col) => col.notNull().references('practices.id'))
      .addColumn('added_by', 'text')
      .addColumn('added_at', 'text', (col) => col.notNull())
      .addPrimaryKeyConstraint('care_team_pk', ['client_id', 'user_id'])
      .execute();
    await db.schema
      .createIndex('care_team_user')
      .on('care_team')
      .columns(['user_id', 'client_id'])
      .execute();

    await db.schema
      .createTable('audit_events')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('seq', bigint, (col) => col.notNull().unique())
      .addColumn('at', 'text', (col) => col.notNull())
      .addColumn('practice_id', 'text')
      .addColumn('user_id', 'text')
      .addColumn('role', 'text')
      .addColumn('action', 'text', (col) => col.notNull())
      .addColumn('record_type', 'text')
      .addColumn('record_id', 'text')
      .addColumn('client_id', 'text')
      .addColumn('ip', 'text')
      .addColumn('user_agent', 'text')
      .addColumn('outcome', 'text', (col) => col.notNull())
      .addColumn('detail', 'text')
      .addColumn('prev_hash', 'text', (col) => col.notNull())
      .addColumn('hash', 'text', (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('audit_by_practice')
      .on('audit_events')
      .columns(['practice_id', 'seq'])
      .execute();
    await db.schema
      .createIndex('audit_by_client')
      .on('audit_events')
      .columns(['client_id', 'seq'])
      .execute();
    await db.schema
      .createIndex('audit_by_user')
      .on('audit_events')
      .columns(['user_id', 'seq'])
      .execute();
    await makeAppendOnly(db, 'audit_events');

    // One row holding the head of the chain: appends lock it, so concurrent writers on
    // PostgreSQL cannot fork the chain, and removing the newest event is detectable.
    await db.schema
      .createTable('audit_chain')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('last_seq', bigint, (col) => col.notNull())
      .addColumn('last_hash', 'text', (col) => col.notNull())
      .execute();
    await db
      .insertInto('audit_chain')
      .values({ id: 'main', last_seq: 0, last_hash: '0'.repeat(64) })
      .execute();
  },

  async down(db: Kysely<any>) {
    await dropAppendOnly(db, 'audit_events');
    for (const table of [
      'audit_chain',
      'audit_events',
      'care_team',
      'clients',
      'api_tokens',
      'login_sessions',
      'users',
      'practices',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};

function sqlIn(column: string, values: string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((value) => sql.lit(value)))})`;
}
