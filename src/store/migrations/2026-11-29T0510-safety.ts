import { sql, type Kysely, type Migration } from 'kysely';
import { dropAppendOnly, makeAppendOnly } from './append-only.js';

/**
 * Safety alerts kept with the session they applied to, and the overrides that let a session
 * start despite an absolute contraindication. Both are part of the clinical record: rows are
 * never changed or deleted (the database refuses), so "what did the therapist see, and why
 * did they go ahead?" can be answered years later. The practice's safety settings sit in a
 * small table of their own (absent row: the shipped defaults).
 */
export const safety: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('session_safety_alerts')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('session_id', 'text', (col) => col.notNull().references('sessions.id'))
      .addColumn('practice_id', 'text', (col) => col.notNull().references('practices.id'))
      .addColumn('client_id', 'text', (col) => col.notNull().references('clients.id'))
      .addColumn('stage', 'text', (col) => col.notNull().check(sql`stage in ('start', 'sign')`))
      .addColumn('position', 'integer', (col) => col.notNull())
      .addColumn('rule_id', 'text', (col) => col.notNull())
      .addColumn('rule_set_version', 'text', (col) => col.notNull())
      .addColumn('kind', 'text', (col) =>
        col.notNull().check(sql`kind in ('absolute', 'local', 'caution', 'allergy')`),
      )
      .addColumn('title', 'text', (col) => col.notNull())
      .addColumn('message', 'text', (col) => col.notNull())
      .addColumn('because', 'text', (col) => col.notNull())
      /** JSON array of body-region codes. */
      .addColumn('regions', 'text', (col) => col.notNull())
      .addColumn('evaluated_at', 'text', (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('session_safety_alerts_by_session')
      .on('session_safety_alerts')
      .columns(['session_id', 'evaluated_at', 'position'])
      .execute();
    await makeAppendOnly(db, 'session_safety_alerts');

    await db.schema
      .createTable('safety_overrides')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('session_id', 'text', (col) => col.notNull().references('sessions.id'))
      .addColumn('practice_id', 'text', (col) => col.notNull().references('practices.id'))
      .addColumn('client_id', 'text', (col) => col.notNull().references('clients.id'))
      .addColumn('rule_id', 'text', (col) => col.notNull())
      .addColumn('reason', 'text', (col) => col.notNull())
      .addColumn('overridden_by', 'text', (col) => col.notNull().references('users.id'))
      .addColumn('overridden_at', 'text', (col) => col.notNull())
      // One override per alert per session: a second one would blur who decided what.
      .addUniqueConstraint('safety_overrides_once', ['session_id', 'rule_id'])
      .execute();
    await makeAppendOnly(db, 'safety_overrides');

    await db.schema
      .createTable('practice_safety_settings')
      .addColumn('practice_id', 'text', (col) => col.primaryKey().references('practices.id'))
      .addColumn('coconut_with_tree_nuts', 'integer', (col) =>
        col.notNull().check(sql`coconut_with_tree_nuts in (0, 1)`),
      )
      .addColumn('version', 'integer', (col) => col.notNull())
      .addColumn('updated_by', 'text', (col) => col.notNull().references('users.id'))
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .execute();
  },

  async down(db: Kysely<any>) {
    await db.schema.dropTable('practice_safety_settings').execute();
    await dropAppendOnly(db, 'safety_overrides');
    await db.schema.dropTable('safety_overrides').execute();
    await dropAppendOnly(db, 'session_safety_alerts');
    await db.schema.dropTable('session_safety_alerts').execute();
  },
};
