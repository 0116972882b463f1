import type {
  Practice,
  PracticeSettings,
  PracticeUpdate,
  PracticeProfileInput,
} from '../domain/practice.js';
import {
  PracticeSettings as PracticeSettingsSchema,
  defaultPracticeSettings,
} from '../domain/practice.js';
import type { Db } from './database.js';
import type { PracticeTable } from './schema.js';
import { updateVersioned } from './versioned.js';
import { isSqlite } from './migrations/dialect.js';

function toPractice(row: PracticeTable): Practice {
  const stored = JSON.parse(row.settings) as Partial<PracticeSettings>;
  // Settings added by later releases fall back to their defaults for older practices.
  const settings = PracticeSettingsSchema.parse({ ...defaultPracticeSettings, ...stored });
  return {
    id: row.id,
    name: row.name,
    timeZone: row.time_zone,
    address: JSON.parse(row.address) as Practice['address'],
    phone: row.phone,
    email: row.email,
    licenceNumber: row.licence_number,
    npi: row.npi,
    taxId: row.tax_id,
    settings,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function countPractices(db: Db): Promise<number> {
  const row = await db
    .selectFrom('practices')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insertPractice(
  db: Db,
  practice: PracticeProfileInput & { id: string; settings: PracticeSettings; now: string },
): Promise<Practice> {
  const row: PracticeTable = {
    id: practice.id,
    name: practice.name,
    time_zone: practice.timeZone,
    address: JSON.stringify(practice.address),
    phone: practice.phone,
    email: practice.email ?? null,
    licence_number: practice.licenceNumber,
    npi: practice.npi,
    tax_id: practice.taxId,
    settings: JSON.stringify(practice.settings),
    version: 1,
    created_at: practice.now,
    updated_at: practice.now,
  };
  await db.insertInto('practices').values(row).execute();
  return toPractice(row);
}

export async function findPractice(db: Db, id: string): Promise<Practice | undefined> {
  const row = await db.selectFrom('practices').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toPractice(row) : undefined;
}

export async function updatePractice(
  db: Db,
  id: string,
  expectedVersion: number,
  update: PracticeUpdate,
  now: string,
): Promise<Practice> {
  return updateVersioned(db, {
    table: 'practices',
    recordType: 'practice',
    id,
    expectedVersion,
    values: {
      name: update.name,
      time_zone: update.timeZone,
      address: JSON.stringify(update.address),
      phone: update.phone,
      email: update.email ?? null,
      licence_number: update.licenceNumber,
      npi: update.npi,
      tax_id: update.taxId,
      settings: JSON.stringify(update.settings),
      updated_at: now,
    },
    load: (current) => findPractice(current, id),
  });
}

export async function listPractices(db: Db): Promise<Practice[]> {
  const rows = await db.selectFrom('practices').selectAll().orderBy('created_at').execute();
  return rows.map(toPractice);
}

/**
 * Serialises writes that check a practice-wide invariant (e.g. "keep one active owner"): on
 * PostgreSQL the practice row is locked until the transaction ends; SQLite already runs one
 * writer at a time.
 */
export async function lockPractice(db: Db, id: string): Promise<void> {
  if (isSqlite(db)) return;
  await db.selectFrom('practices').select('id').where('id', '=', id).forUpdate().execute();
}
