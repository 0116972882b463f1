import { type Kysely, type Migration } from 'kysely';

/**
 * The per-note rows that effectiveness analytics count, beside `note_techniques`: the products
 * used in each signed note, and the body regions its chart marked as pain (how clients with a
 * similar complaint are found). Written when a note is signed; existing signed notes are
 * backfilled from their content here, so analytics never parse note JSON. The rows are copies
 * of a note the database already locks, so they are not made append-only: a purge after the
 * retention period removes them with the note (store/client-tables.ts).
 */
export const noteProducts: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('note_products')
      .addColumn('session_id', 'text', (col) => col.notNull().references('sessions.id'))
      .addColumn('position', 'integer', (col) => col.notNull())
      .addColumn('practice_id', 'text', (col) => col.notNull())
      .addColumn('client_id', 'text', (col) => col.notNull())
      .addColumn('service_date', 'text', (col) => col.notNull())
      .addColumn('product_id', 'text', (col) => col.notNull())
      .addPrimaryKeyConstraint('note_products_pk', ['session_id', 'position'])
      .execute();
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

    await db.schema
      .createTable('note_pain_regions')
      .addColumn('session_id', 'text', (col) => col.notNull().references('sessions.id'))
      .addColumn('region', 'text', (col) => col.notNull())
      .addColumn('practice_id', 'text', (col) => col.notNull())
      .addColumn('client_id', 'text', (col) => col.notNull())
      .addColumn('service_date', 'text', (col) => col.notNull())
      .addPrimaryKeyConstraint('note_pain_regions_pk', ['session_id', 'region'])
      .execute();
    await db.schema
      .createIndex('note_pain_regions_by_region')
      .on('note_pain_regions')
      .columns(['practice_id', 'region', 'client_id'])
      .execute();
    await db.schema
      .createIndex('note_pain_regions_by_client')
      .on('note_pain_regions')
      .columns(['client_id'])
      .execute();

    // Effectiveness reads each signed note's pain columns by practice and client; with the
    // columns in the index SQLite never reads the note rows, which carry kilobytes of JSON.
    await db.schema
      .createIndex('notes_outcomes')
      .on('notes')
      .columns([
        'practice_id',
        'client_id',
        'signed_at',
        'session_id',
        'pain_before',
        'pain_after',
        'author_id',
      ])
      .execute();
    // The order of a client's visits (for carry-over), without reading each session row.
    await db.schema
      .createIndex('sessions_starts_at')
      .on('sessions')
      .columns(['id', 'starts_at'])
      .execute();

    await backfill(db);
  },

  async down(db: Kysely<any>) {
    await db.schema.dropIndex('sessions_starts_at').execute();
    await db.schema.dropIndex('notes_outcomes').execute();
    await db.schema.dropTable('note_pain_regions').execute();
    await db.schema.dropTable('note_products').execute();
  },
};

/** Signed notes are read a page at a time, so a large practice's backfill stays in memory. */
async function backfill(db: Kysely<any>): Promise<void> {
  const page = 500;
  let after = '';
  for (;;) {
    const notes = (await db
      .selectFrom('notes')
      .innerJoin('sessions', 'sessions.id', 'notes.session_id')
      .select([
        'notes.session_id',
        'notes.practice_id',
        'notes.client_id',
        'notes.content',
        'sessions.service_date',
      ])
      .where('notes.signed_at', 'is not', null)
      .where('notes.session_id', '>', after)
      .orderBy('notes.session_id')
      .limit(page)
      .execute()) as Array<{
      session_id: string;
      practice_id: string;
      client_id: string;
      content: string;
      service_date: string;
    }>;
    if (notes.length === 0) return;
    const products = [];
    const painRegions = [];
    for (const note of notes) {
      const rows = noteAnalyticsRows(JSON.parse(note.content) as StoredContent, {
        sessionId: note.session_id,
        practiceId: note.practice_id,
        clientId: note.client_id,
        serviceDate: note.service_date,
      });
      products.push(...rows.products);
      painRegions.push(...rows.painRegions);
    }
    // In slices, well under either engine's limit on parameters in one statement.
    for (let start = 0; start < products.length; start += 1000)
      await db
        .insertInto('note_products')
        .values(products.slice(start, start + 1000))
        .execute();
    for (let start = 0; start < painRegions.length; start += 1000)
      await db
        .insertInto('note_pain_regions')
        .values(painRegions.slice(start, start + 1000))
        .execute();
    after = notes[notes.length - 1]!.session_id;
  }
}

/** The parts of a stored note's content the backfill reads, as the note schema stood then. */
interface StoredContent {
  objective?: { bodyChart?: Array<{ region: string; kind: string }> };
  treatment?: { products?: Array<{ productId: string }> };
}

/**
 * The rows a signed note contributes to `note_products` and `note_pain_regions`. The migration
 * keeps its own copy of the rule (store/notes.ts has the other), since a landed migration must
 * not change when the store's code does later.
 */
function noteAnalyticsRows(
  content: StoredContent,
  note: { sessionId: string; practiceId: string; clientId: string; serviceDate: string },
) {
  const common = {
    session_id: note.sessionId,
    practice_id: note.practiceId,
    client_id: note.clientId,
    service_date: note.serviceDate,
  };
  const regions = new Set(
    (content.objective?.bodyChart ?? [])
      .filter((mark) => mark.kind === 'pain')
      .map((mark) => mark.region),
  );
  return {
    products: (content.treatment?.products ?? []).map((use, position) => ({
      ...common,
      position,
      product_id: use.productId,
    })),
    painRegions: [...regions].map((region) => ({ ...common, region })),
  };
}
