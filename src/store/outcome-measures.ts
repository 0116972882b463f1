import { NotFound, StaleVersion } from '../domain/errors.js';
import {
  Better,
  ReportedBy,
  builtInMeasures,
  changedDefinitionFields,
  currentDefinition,
  definitionChange,
  type MeasureDefinition,
  type MeasureInput,
  type MeasureView,
} from '../domain/outcome-measures.js';
import type { Db } from './database.js';
import type { OutcomeMeasureTable, OutcomeMeasureVersionTable } from './schema.js';
import { updateVersioned } from './versioned.js';

/** The practice's own measure definitions, each with every version. */

function toDefinition(row: OutcomeMeasureVersionTable): MeasureDefinition {
  return {
    number: row.number,
    name: row.name,
    unit: row.unit,
    // pg hands double precision back as a number; Number() keeps both engines alike.
    min: Number(row.min_value),
    max: Number(row.max_value),
    better: Better.parse(row.better),
    minimalImportantChange: Number(row.minimal_important_change),
    decimals: row.decimals,
    question: row.question,
    createdAt: row.created_at,
  };
}

function toMeasure(row: OutcomeMeasureTable, versions: OutcomeMeasureVersionTable[]): MeasureView {
  return {
    id: row.id,
    builtIn: false,
    perActivity: false,
    reportedBy: ReportedBy.parse(row.reported_by),
    currentNumber: row.current_number,
    definitions: versions
      .filter((version) => version.measure_id === row.id)
      .sort((a, b) => a.number - b.number)
      .map(toDefinition),
    retiredAt: row.retired_at,
    version: row.version,
  };
}

export async function listPracticeMeasures(db: Db, practiceId: string): Promise<MeasureView[]> {
  const [rows, versions] = await Promise.all([
    db
      .selectFrom('outcome_measures')
      .selectAll()
      .where('practice_id', '=', practiceId)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('outcome_measure_versions')
      .selectAll()
      .where('practice_id', '=', practiceId)
      .execute(),
  ]);
  return rows.map((row) => toMeasure(row, versions));
}

/** Built-ins first, then the practice's own in the order they were made. */
export async function listMeasures(db: Db, practiceId: string): Promise<MeasureView[]> {
  return [...builtInMeasures, ...(await listPracticeMeasures(db, practiceId))];
}

export async function measuresById(db: Db, practiceId: string): Promise<Map<string, MeasureView>> {
  return new Map((await listMeasures(db, practiceId)).map((measure) => [measure.id, measure]));
}

export async function findPracticeMeasure(
  db: Db,
  practiceId: string,
  id: string,
): Promise<MeasureView | undefined> {
  const row = await db
    .selectFrom('outcome_measures')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const versions = await db
    .selectFrom('outcome_measure_versions')
    .selectAll()
    .where('measure_id', '=', id)
    .execute();
  return toMeasure(row, versions);
}

function versionRow(
  measureId: string,
  practiceId: string,
  number: number,
  input: MeasureInput,
  userId: string,
  now: string,
): OutcomeMeasureVersionTable {
  const definition = input.definition;
  return {
    measure_id: measureId,
    number,
    practice_id: practiceId,
    name: definition.name,
    unit: definition.unit,
    min_value: definition.min,
    max_value: definition.max,
    better: definition.better,
    minimal_important_change: definition.minimalImportantChange,
    decimals: definition.decimals,
    question: definition.question,
    created_at: now,
    created_by: userId,
  };
}

export async function insertMeasure(
  db: Db,
  measure: { id: string; practiceId: string; input: MeasureInput; userId: string; now: string },
): Promise<MeasureView> {
  await db
    .insertInto('outcome_measures')
    .values({
      id: measure.id,
      practice_id: measure.practiceId,
      reported_by: measure.input.reportedBy,
      current_number: 1,
      retired_at: null,
      retired_by: null,
      version: 1,
      created_at: measure.now,
      created_by: measure.userId,
      updated_at: measure.now,
    })
    .execute();
  await db
    .insertInto('outcome_measure_versions')
    .values(
      versionRow(measure.id, measure.practiceId, 1, measure.input, measure.userId, measure.now),
    )
    .execute();
  return (await findPracticeMeasure(db, measure.practiceId, measure.id))!;
}

export async function versionHasScores(
  db: Db,
  measureId: string,
  number: number,
): Promise<boolean> {
  const row = await db
    .selectFrom('outcome_scores')
    .select('id')
    .where('measure_id', '=', measureId)
    .where('measure_version', '=', number)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Saves an edit over the record version the owner saw. A changed definition corrects the
 * current version while no score uses it, and otherwise becomes the next version, which new
 * scores use from now on; scores already recorded keep theirs.
 */
export async function updateMeasure(
  db: Db,
  change: {
    practiceId: string;
    id: string;
    expectedVersion: number;
    input: MeasureInput;
    userId: string;
    now: string;
  },
): Promise<{ measure: MeasureView; change: 'none' | 'in_place' | 'new_version' }> {
  const current = await findPracticeMeasure(db, change.practiceId, change.id);
  if (!current) throw new NotFound('measure');
  if (current.version !== change.expectedVersion) {
    throw new StaleVersion('measure', current, current.version);
  }
  const definition = currentDefinition(current);
  const outcome = definitionChange(
    changedDefinitionFields(definition, change.input.definition),
    await versionHasScores(db, current.id, definition.number),
  );
  let currentNumber = current.currentNumber;
  if (outcome === 'in_place') {
    const {
      measure_id: _m,
      number: _n,
      practice_id: _p,
      ...fields
    } = versionRow(
      current.id,
      change.practiceId,
      definition.number,
      change.input,
      change.userId,
      change.now,
    );
    await db
      .updateTable('outcome_measure_versions')
      .set(fields)
      .where('measure_id', '=', current.id)
      .where('number', '=', definition.number)
      .execute();
  } else if (outcome === 'new_version') {
    currentNumber = Math.max(...current.definitions.map((version) => version.number)) + 1;
    await db
      .insertInto('outcome_measure_versions')
      .values(
        versionRow(
          current.id,
          change.practiceId,
          currentNumber,
          change.input,
          change.userId,
          change.now,
        ),
      )
      // A writer racing for the same number is told it is stale by the update below.
      .onConflict((conflict) => conflict.columns(['measure_id', 'number']).doNothing())
      .execute();
  }
  const measure = await updateVersioned(db, {
    table: 'outcome_measures',
    recordType: 'measure',
    id: current.id,
    practiceId: change.practiceId,
    expectedVersion: change.expectedVersion,
    values: {
      reported_by: change.input.reportedBy,
      current_number: currentNumber,
      updated_at: change.now,
    },
    load: (reader) => findPracticeMeasure(reader, change.practiceId, change.id),
  });
  return { measure, change: outcome };
}

/** Retires a measure (no new scores, goals or schedules) or brings it back; never deletes. */
export async function setMeasureRetired(
  db: Db,
  change: {
    practiceId: string;
    id: string;
    expectedVersion: number;
    retired: boolean;
    userId: string;
    now: string;
  },
): Promise<MeasureView> {
  return updateVersioned(db, {
    table: 'outcome_measures',
    recordType: 'measure',
    id: change.id,
    practiceId: change.practiceId,
    expectedVersion: change.expectedVersion,
    values: {
      retired_at: change.retired ? change.now : null,
      retired_by: change.retired ? change.userId : null,
      updated_at: change.now,
    },
    load: (reader) => findPracticeMeasure(reader, change.practiceId, change.id),
  });
}
