import type { Kysely, Migration } from 'kysely';

/**
 * Indexes that let a client's effectiveness and recent pain be read from the index alone.
 * The practice-wide index on note_products goes: practice-wide tables read the whole table
 * anyway, and SQLite's planner (with no ANALYZE statistics) chose it over the client's index.
 */
export const outcomeIndexes: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.dropIndex('note_products_by_practice').execute();
    await db.schema.dropIndex('note_products_by_client').execute();
    await db.schema
      .createIndex('note_products_by_client')
      .on('note_products')
      .columns(['client_id', 'practice_id', 'session_id', 'product_id'])
      .execute();
    await db.schema
      .createIndex('note_techniques_outcomes')
      .on('note_techniques')
      .columns(['client_id', 'practice_id', 'session_id', 'technique', 'pressure'])
      .execute();
    // The order and dates of a client's visits (carry-over, recent pain) without reading each
    // session row.
    await db.schema.dropIndex('sessions_starts_at').execute();
    await db.schema
      .createIndex('sessions_dates')
      .on('sessions')
      .columns(['id', 'starts_at', 'service_date'])
      .execute();
  },

  async down(db: Kysely<any>) {
    await db.schema.dropIndex('sessions_dates').execute();
    await db.schema
      .createIndex('sessions_starts_at')
      .on('sessions')
      .columns(['id', 'starts_at'])
      .execute();
    await db.schema.dropIndex('note_techniques_outcomes').execute();
    await db.schema.dropIndex('note_products_by_client').execute();
    await db.schema
      .createIndex('note_products_by_client')
      .on('note_products')
      .columns(['client_id', 'product_id'])
      .execute();
    await db.schema
      .createIndex('note_products_by_practice')
      .on('note_products')
      .columns(['practice_id', 'product_id'])
      .execute();
  },
};
