import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import { CommitQueue } from './commit-queue.js';
import { isSqlite } from './migrations/dialect.js';
import { holdingConnection } from './statements-at-once.js';
import type { Database } from './schema.js';

/**
 * Group commit for clinical writes on SQLite. A commit there costs more than the write itself:
 * every page the transaction touched goes to the log in two system calls, and most of those
 * pages (the audit chain head, the newest audit pages and their indexes) are the same for
 * every autosave. Writes that arrive while the event loop is busy, or while the previous group
 * commits, therefore run one after another inside one transaction, each under its own
 * savepoint: one that fails is rolled back alone and its caller gets its error, the others
 * are kept. Every caller resolves only once the group is committed, so nothing is answered
 * before it is durable. If the commit itself fails, each write is tried again alone.
 * PostgreSQL gives each write its own transaction, as its connections run side by side.
 */
export type Write<T> = (trx: Transaction<Database>) => Promise<T>;

interface PendingWrite {
  write: Write<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Writes per group: enough to share a commit, few enough that none waits long for it. */
const maxGroup = 64;

class WriteGroups {
  readonly #db: Kysely<Database>;
  readonly #queue = new CommitQueue<PendingWrite>(maxGroup, (group) => this.#commit(group));
  /** Groups committed so far: for tests that check writes were grouped. */
  committed = 0;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  run<T>(write: Write<T>): Promise<T> {
    return new Promise<T>((resolve, reject) =>
      this.#queue.push({ write, resolve: resolve as (value: unknown) => void, reject }),
    );
  }

  /** A transaction whose kept queries run on the connection at once while `write` holds it. */
  #transaction<T>(write: Write<T>): Promise<T> {
    return this.#db
      .transaction()
      .execute((trx) => holdingConnection(this.#db, trx, () => write(trx)));
  }

  async #commit(group: PendingWrite[]): Promise<void> {
    if (group.length === 1) {
      // Alone, a write needs no savepoint: its own transaction undoes it.
      const pending = group[0]!;
      try {
        pending.resolve(await this.#transaction(pending.write));
        this.committed += 1;
      } catch (error) {
        pending.reject(error);
      }
      return;
    }
    let outcomes: Outcome[];
    try {
      outcomes = await this.#transaction(async (trx) => {
        const settled: Outcome[] = [];
        for (const pending of group) settled.push(await inSavepoint(trx, pending.write));
        return settled;
      });
      this.committed += 1;
    } catch {
      for (const pending of group) await this.#commit([pending]);
      return;
    }
    group.forEach((pending, index) => {
      const outcome = outcomes[index]!;
      if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(outcome.error);
    });
  }
}

// Compiled once: every write of a group runs two of these.
const savepoint = CompiledQuery.raw('savepoint grouped_write');
const release = CompiledQuery.raw('release grouped_write');
const rollbackToSavepoint = CompiledQuery.raw('rollback to grouped_write');

/** Runs one write of a group; what it changed is undone if it fails, and the group goes on. */
async function inSavepoint(trx: Transaction<Database>, write: Write<unknown>): Promise<Outcome> {
  await trx.executeQuery(savepoint);
  try {
    const value = await write(trx);
    await trx.executeQuery(release);
    return { ok: true, value };
  } catch (error) {
    // If undoing fails the transaction is in doubt: that throws, and the whole group is redone.
    await trx.executeQuery(rollbackToSavepoint);
    await trx.executeQuery(release);
    return { ok: false, error };
  }
}

const groupsByDatabase = new WeakMap<Kysely<Database>, WriteGroups>();

function groupsOf(db: Kysely<Database>): WriteGroups {
  let groups = groupsByDatabase.get(db);
  if (!groups) {
    groups = new WriteGroups(db);
    groupsByDatabase.set(db, groups);
  }
  return groups;
}

/**
 * Runs `write` in a transaction: on SQLite grouped with the other writes pending (see above),
 * on PostgreSQL alone. `write` must do all its reading and writing through the transaction
 * it is given.
 */
export function inWriteTransaction<T>(db: Kysely<Database>, write: Write<T>): Promise<T> {
  if (!isSqlite(db)) return db.transaction().execute(write);
  return groupsOf(db).run(write);
}

/** How many write groups this database has committed (SQLite; always 0 on PostgreSQL). */
export function writeGroupsCommitted(db: Kysely<Database>): number {
  return groupsByDatabase.get(db)?.committed ?? 0;
}
