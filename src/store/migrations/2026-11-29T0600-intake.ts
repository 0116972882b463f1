import { sql, type Kysely, type Migration } from 'kysely';
import { isSqlite } from './dialect.js';

/**
 * Intake from a secure link: the practice's own intake form (no row means the shipped form),
 * single-purpose client links stored only as the SHA-256 of their token, and the submissions
 * clients send through them. A submission is what the client said: the database refuses any
 * change to it except recording the one review, and refuses deleting it.
 */
export const intake: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('intake_forms')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('practice_id', 'text', (col) => col.notNull().unique().references('practices.id'))
      .addColumn('content', 'text', (col) => col.notNull())
      .addColumn('version', 'integer', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .addColumn('updated_by', 'text', (col) => col.references('users.id'))
      .execute();

    await db.schema
      .createTable('client_links')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('practice_id', 'text', (col) => col.notNull().references('practices.id'))
      .addColumn('client_id', 'text', (col) => col.notNull().references('clients.id'))
      .addColumn('purpose', 'text', (col) => col.notNull())
      .addColumn('token_hash', 'text', (col) => col.notNull().unique())
      .addColumn('created_by', 'text', (col) => col.notNull().references('users.id'))
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('expires_at', 'text', (col) => col.notNull())
      .addColumn('revoked_at', 'text')
      .addColumn('revoked_by', 'text', (col) => col.references('users.id'))
      .addColumn('used_at', 'text')
      .execute();
    await db.schema
      .createIndex('client_links_by_client')
      .on('client_links')
      .columns(['client_id', 'created_at'])
      .execute();

    await db.schema
      .createTable('intake_submissions')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('link_id', 'text', (col) => col.notNull().unique().references('client_links.id'))
      .addColumn('practice_id', 'text', (col) => col.notNull().references('practices.id'))
      .addColumn('client_id', 'text', (col) => col.notNull().references('clients.id'))
      .addColumn('form_version', 'integer', (col) => col.notNull())
      .addColumn('form', 'text', (col) => col.notNull())
      .addColumn('answers', 'text', (col) => col.notNull())
      .addColumn('submitted_at', 'text', (col) => col.notNull())
      .addColumn('ip', 'text')
      .addColumn('user_agent', 'text')
      .addColumn('status', 'text', (col) => col.notNull())
      .addColumn('reviewed_by', 'text', (col) => col.references('users.id'))
      .addColumn('reviewed_at', 'text')
      .addColumn('review_note', 'text')
      .execute();
    await db.schema
      .createIndex('intake_submissions_to_review')
      .on('intake_submissions')
      .columns(['practice_id', 'status', 'submitted_at'])
      .execute();
    await db.schema
      .createIndex('intake_submissions_by_client')
      .on('intake_submissions')
      .columns(['client_id', 'submitted_at'])
      .execute();
    await protectSubmissions(db);
  },

  async down(db: Kysely<any>) {
    await unprotectSubmissions(db);
    await db.schema.dropTable('intake_submissions').execute();
    await db.schema.dropTable('client_links').execute();
    await db.schema.dropTable('intake_forms').execute();
  },
};

const message = 'intake submissions are immutable once reviewed';
const contentColumns = [
  'id',
  'link_id',
  'practice_id',
  'client_id',
  'form_version',
  'form',
  'answers',
  'submitted_at',
  'ip',
  'user_agent',
];

/**
 * Only the review columns may change, and only while the submission is still to review: what
 * the client sent stays as sent, and a decision is never rewritten.
 */
async function protectSubmissions(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) {
    const changed = contentColumns
      .map((column) => `OLD.${column} IS NOT NEW.${column}`)
      .join(' OR ');
    await sql`CREATE TRIGGER intake_submissions_no_update BEFORE UPDATE ON intake_submissions
      WHEN OLD.status <> 'to_review' OR ${sql.raw(changed)}
      BEGIN SELECT RAISE(ABORT, ${sql.lit(message)}); END`.execute(db);
    await sql`CREATE TRIGGER intake_submissions_no_delete BEFORE DELETE ON intake_submissions
      BEGIN SELECT RAISE(ABORT, ${sql.lit(message)}); END`.execute(db);
    return;
  }
  const changed = contentColumns
    .map((column) => `OLD.${column} IS DISTINCT FROM NEW.${column}`)
    .join(' OR ');
  await sql`CREATE OR REPLACE FUNCTION intake_submissions_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS ${sql.lit(`BEGIN
      IF TG_OP = 'DELETE' OR OLD.status <> 'to_review' OR ${changed} THEN
        RAISE EXCEPTION '${message}';
      END IF;
      RETURN NEW;
    END;`)}`.execute(db);
  await sql`CREATE TRIGGER intake_submissions_locked BEFORE UPDATE OR DELETE ON intake_submissions
    FOR EACH ROW EXECUTE FUNCTION intake_submissions_refuse_change()`.execute(db);
}

async function unprotectSubmissions(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) {
    await sql`DROP TRIGGER IF EXISTS intake_submissions_no_update`.execute(db);
    await sql`DROP TRIGGER IF EXISTS intake_submissions_no_delete`.execute(db);
    return;
  }
  await sql`DROP TRIGGER IF EXISTS intake_submissions_locked ON intake_submissions`.execute(db);
  await sql`DROP FUNCTION IF EXISTS intake_submissions_refuse_change()`.execute(db);
}
