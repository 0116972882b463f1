import { NotFound } from '../domain/errors.js';
import type { Db } from './database.js';
import type { ReflectionTable } from './schema.js';
import { updateVersioned } from './versioned.js';

/**
 * A therapist's private reflections live in their own table, apart from the clinical record,
 * and every query here is filtered by author: no function returns another author's text.
 */
export interface Reflection {
  id: string;
  clientId: string;
  sessionId: string | null;
  text: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

function toReflection(row: ReflectionTable): Reflection {
  return {
    id: row.id,
    clientId: row.client_id,
    sessionId: row.session_id,
    text: row.text,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function insertReflection(
  db: Db,
  reflection: {
    id: string;
    practiceId: string;
    authorId: string;
    clientId: string;
    sessionId: string | null;
    text: string;
    now: string;
  },
): Promise<Reflection> {
  const row: ReflectionTable = {
    id: reflection.id,
    practice_id: reflection.practiceId,
    author_id: reflection.authorId,
    client_id: reflection.clientId,
    session_id: reflection.sessionId,
    text: reflection.text,
    version: 1,
    created_at: reflection.now,
    updated_at: reflection.now,
  };
  await db.insertInto('reflections').values(row).execute();
  return toReflection(row);
}

export async function listReflections(
  db: Db,
  authorId: string,
  clientId: string,
): Promise<Reflection[]> {
  const rows = await db
    .selectFrom('reflections')
    .selectAll()
    .where('author_id', '=', authorId)
    .where('client_id', '=', clientId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toReflection);
}

export async function findReflection(
  db: Db,
  authorId: string,
  id: string,
): Promise<Reflection | undefined> {
  const row = await db
    .selectFrom('reflections')
    .selectAll()
    .where('author_id', '=', authorId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toReflection(row) : undefined;
}

export async function updateReflection(
  db: Db,
  practiceId: string,
  authorId: string,
  id: string,
  expectedVersion: number,
  text: string,
  now: string,
): Promise<Reflection> {
  if (!(await findReflection(db, authorId, id))) throw new NotFound('reflection');
  return updateVersioned(db, {
    table: 'reflections',
    recordType: 'reflection',
    id,
    practiceId,
    expectedVersion,
    values: { text, updated_at: now },
    load: (current) => findReflection(current, authorId, id),
  });
}
