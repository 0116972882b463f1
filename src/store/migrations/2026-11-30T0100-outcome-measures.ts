import { sql, type Kysely, type Migration } from 'kysely';
import { dropAppendOnly, makeAppendOnly } from './append-only.js';
import { isSqlite } from './dialect.js';
import {
  appendOnlyTable,
  letPurgeDelete,
  refuseEveryDelete,
  type ProtectedTable,
} from './purge-exception.js';

const byClient = { column: 'client_id' } as const;
const byLink = { through: 'client_links', column: 'link_id' } as const;

/**
 * The append-only tables here hold a client's records: like every such table, their refusal
 * to delete yields to the purge of that client after the retention period, and to nothing
 * else (purge-exception.ts; the `client_purges` it reads arrives with a later migration).
 */
const protectedTables: ProtectedTable[] = [
  appendOnlyTable('outcome_scores', byClient),
  appendOnlyTable('goal_versions', byClient),
  appendOnlyTable('treatment_plan_versions', byClient),
  appendOnlyTable('client_link_measures', byLink),
];

/**
 * Outcome measures, goals and the treatment plan. The practice's measure definitions are
 * numbered versions: a version that scores were recorded with can no longer change (the
 * database refuses), so old scores keep their meaning. Built-in measures (PSFS, pain) live in
 * code, so scores name measures by id without a foreign key. Scores, goal versions, plan
 * versions and the measures a link asks for are append-only: a correction is a new score.
 */
export const outcomeMeasures: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('outcome_measures')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('practice_id', 'text', (col) => col.notNull().references('practices.id'))
      .addColumn('reported_by', 'text', (col) => col.notNull())
      .addColumn('current_number', 'integer', (col) => col.notNull())
      .addColumn('retired_at', 'text')
      .addColumn('retired_by', 'text', (col) => col.references('users.id'))
      .addColumn('version', 'integer', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('created_by', 'text', (col) => col.notNull().references('users.id'))
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('outcome_measures_by_practice')
      .on('outcome_measures')
      .column('practice_id')
      .execute();

    await db.schema
      .createTable('outcome_measure_versions')
      .addColumn('measure_id', 'text', (col) => col.notNull().references('outcome_measures.id'))
      .addColumn('number', 'integer', (col) => col.notNull())
      .addColumn('practice_id', 'text', (col) => col.notNull().references('practices.id'))
      .addColumn('name', 'text', (col) => col.notNull())
      .addColumn('unit', 'text')
      .addColumn('min_value', 'double precision', (col) => col.notNull())
      .addColumn('max_value', 'double precision', (col) => col.notNull())
      .addColumn('better', 'text', (col) => col.notNull())
      .addColumn('minimal_important_change', 'double precision', (col) => col.notNull())
      .addColumn('decimals', 'integer', (col) => col.notNull())
      .addColumn('question', 'text')
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('created_by', 'text', (col) => col.notNull().references('users.id'))
      .addPrimaryKeyConstraint('outcome_measure_versions_pk', ['measure_id', 'number'])
      .execute();

    await db.schema
      .createTable('psfs_activities')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('practice_id', 'text', (col) => col.notNull().references('practices.id'))
      .addColumn('client_id', 'text', (col) => col.notNull().references('clients.id'))
      .addColumn('description', 'text', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('created_by', 'text', (col) => col.references('users.id'))
      .addColumn('link_id', 'text', (col) => col.references('client_links.id'))
      .addColumn('retired_at', 'text')
      .addColumn('retired_by', 'text', (col) => col.references('users.id'))
      .execute();
    await db.schema
      .createIndex('psfs_activities_by_client')
      .on('psfs_activities')
      .columns(['client_id', 'created_at'])
      .execute();

    await db.schema
      .createTable('outcome_scores')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('practice_id', 'text', (col) => col.notNull().references('practices.id'))
      .addColumn('client_id', 'text', (col) => col.notNull().references('clients.id'))
      .addColumn('measure_id', 'text', (col) => col.notNull())
      .addColumn('measure_version', 'integer', (col) => col.notNull())
      .addColumn('activity_id', 'text', (col) => col.references('psfs_activities.id'))
      .addColumn('value', 'double precision')
      .addColumn('session_id', 'text', (col) => col.references('sessions.id'))
      .addColumn('recorded_at', 'text', (col) => col.notNull())
      .addColumn('entered_at', 'text', (col) => col.notNull())
      .addColumn('recorded_by', 'text', (col) => col.references('users.id'))
      .addColumn('source', 'text', (col) => col.notNull())
      .addColumn('link_id', 'text', (col) => col.references('client_links.id'))
      // A score is corrected at most once; a later correction corrects the correction.
      .addColumn('corrects_id', 'text', (col) => col.unique().references('outcome_scores.id'))
      .addColumn('reason', 'text')
      .execute();
    await db.schema
      .createIndex('outcome_scores_by_client')
      .on('outcome_scores')
      .columns(['client_id', 'recorded_at'])
      .execute();
    await db.schema
      .createIndex('outcome_scores_by_session')
      .on('outcome_scores')
      .column('session_id')
      .execute();
    await db.schema
      .createIndex('outcome_scores_by_measure_version')
      .on('outcome_scores')
      .columns(['measure_id', 'measure_version'])
      .execute();
    await makeAppendOnly(db, 'outcome_scores');
    await protectScoredVersions(db);

    await db.schema
      .createTable('goals')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('practice_id', 'text', (col) => col.notNull().references('practices.id'))
      .addColumn('client_id', 'text', (col) => col.notNull().references('clients.id'))
      .addColumn('statement', 'text', (col) => col.notNull())
      .addColumn('target_kind', 'text', (col) => col.notNull())
      .addColumn('measure_id', 'text')
      .addColumn('measure_version', 'integer')
      .addColumn('activity_id', 'text', (col) => col.references('psfs_activities.id'))
      .addColumn('pain_moment', 'text')
      .addColumn('comparator', 'text', (col) => col.notNull())
      .addColumn('target_value', 'double precision', (col) => col.notNull())
      .addColumn('re_evaluation_date', 'text')
      .addColumn('status', 'text', (col) => col.notNull())
      .addColumn('status_reason', 'text')
      .addColumn('revises_goal_id', 'text', (col) => col.references('goals.id'))
      .addColumn('version', 'integer', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('created_by', 'text', (col) => col.notNull().references('users.id'))
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .addColumn('updated_by', 'text', (col) => col.notNull().references('users.id'))
      .execute();
    await db.schema
      .createIndex('goals_by_client')
      .on('goals')
      .columns(['client_id', 'created_at'])
      .execute();

    await db.schema
      .createTable('goal_versions')
      .addColumn('goal_id', 'text', (col) => col.notNull().references('goals.id'))
      .addColumn('number', 'integer', (col) => col.notNull())
      .addColumn('practice_id', 'text', (col) => col.notNull().references('practices.id'))
      .addColumn('client_id', 'text', (col) => col.notNull().references('clients.id'))
      .addColumn('content', 'text', (col) => col.notNull())
      .addColumn('recorded_at', 'text', (col) => col.notNull())
      .addColumn('recorded_by', 'text', (col) => col.notNull().references('users.id'))
      .addPrimaryKeyConstraint('goal_versions_pk', ['goal_id', 'number'])
      .execute();
    await makeAppendOnly(db, 'goal_versions');

    await db.schema
      .createTable('treatment_plan_versions')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('practice_id', 'text', (col) => col.notNull().references('practices.id'))
      .addColumn('client_id', 'text', (col) => col.notNull().references('clients.id'))
      .addColumn('number', 'integer', (col) => col.notNull())
      .addColumn('content', 'text', (col) => col.notNull())
      .addColumn('recorded_at', 'text', (col) => col.notNull())
      .addColumn('recorded_by', 'text', (col) => col.notNull().references('users.id'))
      .addUniqueConstraint('treatment_plan_versions_number', ['client_id', 'number'])
      .execute();
    await makeAppendOnly(db, 'treatment_plan_versions');

    await db.schema
      .createTable('client_link_measures')
      .addColumn('link_id', 'text', (col) => col.notNull().references('client_links.id'))
      .addColumn('measure_id', 'text', (col) => col.notNull())
      .addColumn('position', 'integer', (col) => col.notNull())
      .addColumn('practice_id', 'text', (col) => col.notNull().references('practices.id'))
      .addPrimaryKeyConstraint('client_link_measures_pk', ['link_id', 'measure_id'])
      .execute();
    await makeAppendOnly(db, 'client_link_measures');
    for (const table of protectedTables) await letPurgeDelete(db, table);
  },

  async down(db: Kysely<any>) {
    for (const table of protectedTables) await refuseEveryDelete(db, table);
    await dropAppendOnly(db, 'client_link_measures');
    await db.schema.dropTable('client_link_measures').execute();
    await dropAppendOnly(db, 'treatment_plan_versions');
    await db.schema.dropTable('treatment_plan_versions').execute();
    await dropAppendOnly(db, 'goal_versions');
    await db.schema.dropTable('goal_versions').execute();
    await db.schema.dropTable('goals').execute();
    await unprotectScoredVersions(db);
    await dropAppendOnly(db, 'outcome_scores');
    await db.schema.dropTable('outcome_scores').execute();
    await db.schema.dropTable('psfs_activities').execute();
    await db.schema.dropTable('outcome_measure_versions').execute();
    await db.schema.dropTable('outcome_measures').execute();
  },
};

const message = 'a measure version that scores were recorded with never changes';

/** A version is corrected in place only while no score uses it; none is ever deleted. */
async function protectScoredVersions(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) {
    await sql`CREATE TRIGGER outcome_measure_versions_no_update
      BEFORE UPDATE ON outcome_measure_versions
      WHEN EXISTS (SELECT 1 FROM outcome_scores
        WHERE outcome_scores.measure_id = OLD.measure_id
          AND outcome_scores.measure_version = OLD.number)
      BEGIN SELECT RAISE(ABORT, ${sql.lit(message)}); END`.execute(db);
    await sql`CREATE TRIGGER outcome_measure_versions_no_delete
      BEFORE DELETE ON outcome_measure_versions
      BEGIN SELECT RAISE(ABORT, ${sql.lit(message)}); END`.execute(db);
    return;
  }
  await sql`CREATE OR REPLACE FUNCTION outcome_measure_versions_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS ${sql.lit(`BEGIN
      IF TG_OP = 'DELETE' OR EXISTS (SELECT 1 FROM outcome_scores
          WHERE measure_id = OLD.measure_id AND measure_version = OLD.number) THEN
        RAISE EXCEPTION '${message}';
      END IF;
      RETURN NEW;
    END;`)}`.execute(db);
  await sql`CREATE TRIGGER outcome_measure_versions_locked
    BEFORE UPDATE OR DELETE ON outcome_measure_versions
    FOR EACH ROW EXECUTE FUNCTION outcome_measure_versions_refuse_change()`.execute(db);
}

async function unprotectScoredVersions(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) {
    await sql`DROP TRIGGER IF EXISTS outcome_measure_versions_no_update`.execute(db);
    await sql`DROP TRIGGER IF EXISTS outcome_measure_versions_no_delete`.execute(db);
    return;
  }
  await sql`DROP TRIGGER IF EXISTS outcome_measure_versions_locked ON outcome_measure_versions`.execute(
    db,
  );
  await sql`DROP FUNCTION IF EXISTS outcome_measure_versions_refuse_change()`.execute(db);
}
