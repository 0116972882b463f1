import type { ProductInput } from '../domain/catalogue.js';
import { defaultProducts, defaultSessionTypes, defaultTechniques } from '../domain/catalogue.js';
import type { Runtime } from '../domain/runtime.js';
import { sql } from 'kysely';
import type { Db } from './database.js';
import { isSqlite } from './migrations/dialect.js';
import type { ProductTable } from './schema.js';
import { keptQuery } from './kept-query.js';
import { updateVersioned } from './versioned.js';

export interface CatalogueEntry {
  id: string;
  code: string;
  name: string;
  retiredAt: string | null;
}

export interface SessionTypeEntry extends CatalogueEntry {
  minutes: number;
}

export interface Product {
  id: string;
  name: string;
  kind: string;
  ingredients: string[];
  retiredAt: string | null;
  version: number;
}

function toProduct(row: ProductTable): Product {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    ingredients: JSON.parse(row.ingredients) as string[],
    retiredAt: row.retired_at,
    version: row.version,
  };
}

/** Gives a new practice the shipped techniques, session types and products. */
export async function seedCatalogue(db: Db, practiceId: string, runtime: Runtime): Promise<void> {
  const now = runtime.now().toISOString();
  await db
    .insertInto('techniques')
    .values(
      defaultTechniques.map((technique) => ({
        id: runtime.newId(),
        practice_id: practiceId,
        ...technique,
        retired_at: null,
        created_at: now,
      })),
    )
    .execute();
  await db
    .insertInto('session_types')
    .values(
      defaultSessionTypes.map((type) => ({
        id: runtime.newId(),
        practice_id: practiceId,
        ...type,
        retired_at: null,
        created_at: now,
      })),
    )
    .execute();
  for (const product of defaultProducts) await insertProduct(db, practiceId, product, runtime);
}

export async function listTechniques(db: Db, practiceId: string): Promise<CatalogueEntry[]> {
  const rows = await db
    .selectFrom('techniques')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .orderBy('name')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    retiredAt: row.retired_at,
  }));
}

type NamedEntry = { key: string; retiredAt: string | null };

// The names come as one JSON array, so the statement keeps one shape however many a note
// names and is compiled once; an `in` list would be built and compiled at every autosave.
function namesIn(db: Db, names: string) {
  return isSqlite(db)
    ? sql<string>`(select value from json_each(${names}))`
    : sql<string>`(select json_array_elements_text(${names}::json))`;
}

const techniquesNamed = keptQuery(
  ['practiceId', 'codes'],
  (db, { practiceId, codes }: { practiceId: string; codes: string }) =>
    db
      .selectFrom('techniques')
      .select(['code as key', 'retired_at as retiredAt'])
      .where('practice_id', '=', practiceId)
      .where('code', 'in', namesIn(db, codes)),
);
const productsNamed = keptQuery(
  ['practiceId', 'ids'],
  (db, { practiceId, ids }: { practiceId: string; ids: string }) =>
    db
      .selectFrom('products')
      .select(['id as key', 'retired_at as retiredAt'])
      .where('practice_id', '=', practiceId)
      .where('id', 'in', namesIn(db, ids)),
);

/**
 * The catalogue entries a note names, with whether each is retired: what validating a draft
 * needs, without reading the whole catalogue on every autosave. A name the catalogue does not
 * hold is left out.
 */
export async function catalogueEntriesNamed(
  db: Db,
  practiceId: string,
  named: { techniqueCodes: string[]; productIds: string[] },
): Promise<{ techniques: NamedEntry[]; products: NamedEntry[] }> {
  const codes = [...new Set(named.techniqueCodes)];
  const ids = [...new Set(named.productIds)];
  return {
    techniques:
      codes.length > 0
        ? await techniquesNamed.all(db, { practiceId, codes: JSON.stringify(codes) })
        : [],
    products:
      ids.length > 0 ? await productsNamed.all(db, { practiceId, ids: JSON.stringify(ids) }) : [],
  };
}

export async function listSessionTypes(db: Db, practiceId: string): Promise<SessionTypeEntry[]> {
  const rows = await db
    .selectFrom('session_types')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .orderBy('name')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    minutes: row.minutes,
    retiredAt: row.retired_at,
  }));
}

export async function insertTechnique(
  db: Db,
  practiceId: string,
  entry: { code: string; name: string },
  runtime: Runtime,
): Promise<void> {
  await db
    .insertInto('techniques')
    .values({
      id: runtime.newId(),
      practice_id: practiceId,
      code: entry.code,
      name: entry.name,
      retired_at: null,
      created_at: runtime.now().toISOString(),
    })
    .execute();
}

/** Renames or retires a technique; its code, used by past notes, never changes. */
export async function updateTechnique(
  db: Db,
  practiceId: string,
  code: string,
  change: { name: string; retired: boolean },
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('techniques')
    .set({ name: change.name, retired_at: change.retired ? now : null })
    .where('practice_id', '=', practiceId)
    .where('code', '=', code)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function listProducts(db: Db, practiceId: string): Promise<Product[]> {
  const rows = await db
    .selectFrom('products')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .orderBy('name')
    .execute();
  return rows.map(toProduct);
}

export async function insertProduct(
  db: Db,
  practiceId: string,
  product: ProductInput,
  runtime: Runtime,
): Promise<Product> {
  const now = runtime.now().toISOString();
  const row: ProductTable = {
    id: runtime.newId(),
    practice_id: practiceId,
    name: product.name,
    kind: product.kind,
    ingredients: JSON.stringify(product.ingredients),
    retired_at: null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('products').values(row).execute();
  return toProduct(row);
}

export async function findProduct(
  db: Db,
  practiceId: string,
  id: string,
): Promise<Product | undefined> {
  const row = await db
    .selectFrom('products')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toProduct(row) : undefined;
}

export async function updateProduct(
  db: Db,
  practiceId: string,
  id: string,
  expectedVersion: number,
  change: ProductInput & { retired: boolean },
  now: string,
): Promise<Product> {
  return updateVersioned(db, {
    table: 'products',
    recordType: 'product',
    id,
    practiceId,
    expectedVersion,
    values: {
      name: change.name,
      kind: change.kind,
      ingredients: JSON.stringify(change.ingredients),
      retired_at: change.retired ? now : null,
      updated_at: now,
    },
    load: (current) => findProduct(current, practiceId, id),
  });
}
