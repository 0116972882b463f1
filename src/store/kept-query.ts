import { CompiledQuery, type Compilable } from 'kysely';
import type { Db } from './database.js';
import { runAtOnce } from './statements-at-once.js';
import { isSqlite } from './migrations/dialect.js';

/** Where a caller's value goes in a kept query; swapped for that value at each run. */
class Slot {
  constructor(readonly name: string) {}
}

interface Compiled {
  sql: string;
  parameters: readonly unknown[];
}

export interface KeptQuery<Values extends Record<string, unknown>, Row> {
  /** Every row the query answers with these values. */
  all(db: Db, values: Values): Promise<Row[]>;
  /** The first row, or undefined. */
  first(db: Db, values: Values): Promise<Row | undefined>;
}

/**
 * A query of fixed shape, built and compiled by Kysely once per engine and then run with new
 * values each time. Building and compiling costs about as much as running one of our small
 * indexed SQLite statements, and a few queries run on every request (the sign-in check, the
 * access check, the audit chain), so those are kept.
 *
 * `build` receives stand-ins for the named values and may only bind them as values: a
 * stand-in used to choose a column, a list or a branch would be frozen into the SQL, and one
 * left unbound is refused. Lists (`in`) change the SQL's shape and so cannot be kept.
 */
export function keptQuery<Values extends Record<string, unknown>, Row>(
  names: ReadonlyArray<keyof Values & string>,
  build: (db: Db, values: Values) => Compilable<Row>,
): KeptQuery<Values, Row> {
  const slots = Object.fromEntries(names.map((name) => [name, new Slot(name)])) as Values;
  const compiled: { sqlite?: Compiled; postgresql?: Compiled } = {};
  const compiledFor = (db: Db): Compiled => {
    const engine = isSqlite(db) ? 'sqlite' : 'postgresql';
    const done = compiled[engine];
    if (done) return done;
    const query = build(db, slots).compile();
    const bound = new Set(
      query.parameters.flatMap((parameter) => (parameter instanceof Slot ? [parameter.name] : [])),
    );
    const unbound = names.filter((name) => !bound.has(name));
    if (unbound.length > 0)
      throw new Error(
        `A kept query must bind every value (not ${unbound.join(', ')}): ${query.sql}`,
      );
    return (compiled[engine] = query);
  };
  const all = async (db: Db, values: Values): Promise<Row[]> => {
    const { sql, parameters } = compiledFor(db);
    const bound = parameters.map((parameter) =>
      parameter instanceof Slot ? values[parameter.name] : parameter,
    );
    const rows = runAtOnce(db, sql, bound);
    if (rows) return rows as Row[];
    const result = await db.executeQuery<Row>(CompiledQuery.raw(sql, bound));
    return result.rows;
  };
  return {
    all,
    first: async (db, values) => (await all(db, values))[0],
  };
}
