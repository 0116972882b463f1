import { randomUUID } from 'node:crypto';
import { Conflict, NotFound, StaleVersion } from '../domain/errors.js';
import { HealthHistory, emptyHealthHistory, validHealthHistory } from '../domain/health-history.js';
import {
  HealthHistorySection,
  changedSections,
  compareHealthHistories,
} from '../domain/health-history-diff.js';
import { localDate } from '../domain/time.js';
import type { Db } from './database.js';
import { rememberingParse } from './parsed-text.js';
import type { HealthHistoryVersionTable, SessionHealthCheckTable } from './schema.js';

export type HealthHistorySource = HealthHistoryVersionTable['source'];

/** One saved version of a client's health history, with who saved it and why. */
export interface StoredHealthHistory {
  number: number;
  history: HealthHistory;
  recordedAt: string;
  recordedBy: string;
  recordedByName: string | null;
  source: HealthHistorySource;
  sessionId: string | null;
  /** The sections this version changed from the one before (all touched ones for version 1). */
  changedSections: HealthHistorySection[];
}

type VersionRow = HealthHistoryVersionTable & { recorded_by_name: string | null };

// Parsed again so content saved by an older schema reads with today's defaults; remembered,
// since a saved version never changes.
const parseHistory = rememberingParse((content) => HealthHistory.parse(JSON.parse(content)));

function versionQuery(db: Db, practiceId: string, clientId: string) {
  return db
    .selectFrom('health_history_versions')
    .leftJoin('users', 'users.id', 'health_history_versions.recorded_by')
    .selectAll('health_history_versions')
    .select('users.display_name as recorded_by_name')
    .where('health_history_versions.practice_id', '=', practiceId)
    .where('health_history_versions.client_id', '=', clientId);
}

function toStored(row: VersionRow): StoredHealthHistory {
  const sections = row.summary ? (JSON.parse(row.summary) as unknown[]) : [];
  return {
    number: row.number,
    history: parseHistory(row.content),
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
    recordedByName: row.recorded_by_name,
    source: row.source,
    sessionId: row.session_id,
    changedSections: sections.flatMap((section) => {
      const parsed = HealthHistorySection.safeParse(section);
      return parsed.success ? [parsed.data] : [];
    }),
  };
}

/** The newest version, or null when nobody has recorded a history for this client yet. */
export async function currentHealthHistory(
  db: Db,
  practiceId: string,
  clientId: string,
): Promise<StoredHealthHistory | null> {
  const row = await versionQuery(db, practiceId, clientId)
    .orderBy('health_history_versions.number', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toStored(row) : null;
}

/** Every version, newest first. */
export async function healthHistoryVersions(
  db: Db,
  practiceId: string,
  clientId: string,
): Promise<StoredHealthHistory[]> {
  const rows = await versionQuery(db, practiceId, clientId)
    .orderBy('health_history_versions.number', 'desc')
    .execute();
  return rows.map(toStored);
}

export async function healthHistoryVersion(
  db: Db,
  practiceId: string,
  clientId: string,
  number: number,
): Promise<StoredHealthHistory | undefined> {
  const row = await versionQuery(db, practiceId, clientId)
    .where('health_history_versions.number', '=', number)
    .executeTakeFirst();
  return row ? toStored(row) : undefined;
}

/** What a stale writer is shown: the current version, or an empty history numbered 0. */
export function staleHealthHistory(current: StoredHealthHistory | null): StaleVersion {
  return new StaleVersion(
    'health history',
    current ?? { number: 0, history: emptyHealthHistory() },
    current?.number ?? 0,
  );
}

/**
 * Saves a new version if the writer edited the current one (`expectedNumber`, 0 when none
 * exists yet); otherwise StaleVersion. Validates with the domain (dates checked against
 * today in the practice's time zone) and throws Invalid with field paths before writing
 * anything. Pass a transaction to combine it with other writes (intake acceptance, a
 * session's health check).
 */
export async function saveHealthHistory(
  db: Db,
  input: {
    practiceId: string;
    clientId: string;
    expectedNumber: number;
    history: unknown;
    recordedBy: string;
    source: HealthHistorySource;
    sessionId?: string | null;
    /** Injected by callers that have a Runtime; defaults to the system clock and a UUID. */
    now?: string;
    id?: string;
  },
): Promise<StoredHealthHistory> {
  const now = input.now ?? new Date().toISOString();
  const practice = await db
    .selectFrom('practices')
    .select('time_zone')
    .where('id', '=', input.practiceId)
    .executeTakeFirst();
  if (!practice) throw new NotFound('practice');
  const history = validHealthHistory(input.history, localDate(new Date(now), practice.time_zone));

  const current = await currentHealthHistory(db, input.practiceId, input.clientId);
  if ((current?.number ?? 0) !== input.expectedNumber) throw staleHealthHistory(current);

  const sections = changedSections(
    compareHealthHistories(current?.history ?? emptyHealthHistory(), history),
  );
  const row: HealthHistoryVersionTable = {
    id: input.id ?? randomUUID(),
    practice_id: input.practiceId,
    client_id: input.clientId,
    number: input.expectedNumber + 1,
    content: JSON.stringify(history),
    recorded_by: input.recordedBy,
    recorded_at: now,
    source: input.source,
    session_id: input.sessionId ?? null,
    summary: JSON.stringify(sections),
  };
  // Two writers who both saw version n race for n + 1; the unique number decides, and the
  // loser is told as any stale writer is (no failed statement, so a PostgreSQL transaction
  // stays usable).
  const inserted = await db
    .insertInto('health_history_versions')
    .values(row)
    .onConflict((conflict) => conflict.columns(['client_id', 'number']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
    throw staleHealthHistory(await currentHealthHistory(db, input.practiceId, input.clientId));
  }
  const saved = await healthHistoryVersion(db, input.practiceId, input.clientId, row.number);
  if (!saved) throw new NotFound('health history');
  return saved;
}

export type HealthCheckOutcome = SessionHealthCheckTable['outcome'];

/** The "any changes since your last visit?" answer recorded for one session. */
export interface SessionHealthCheck {
  sessionId: string;
  clientId: string;
  outcome: HealthCheckOutcome;
  /** The history version current after the check. */
  historyNumber: number;
  checkedBy: string;
  checkedByName: string | null;
  checkedAt: string;
}

export async function sessionHealthCheck(
  db: Db,
  practiceId: string,
  sessionId: string,
): Promise<SessionHealthCheck | undefined> {
  const row = await db
    .selectFrom('session_health_checks')
    .leftJoin('users', 'users.id', 'session_health_checks.checked_by')
    .selectAll('session_health_checks')
    .select('users.display_name as checked_by_name')
    .where('session_health_checks.practice_id', '=', practiceId)
    .where('session_health_checks.session_id', '=', sessionId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    sessionId: row.session_id,
    clientId: row.client_id,
    outcome: row.outcome,
    historyNumber: row.history_number,
    checkedBy: row.checked_by,
    checkedByName: row.checked_by_name,
    checkedAt: row.checked_at,
  };
}

/**
 * Records (or, from "no changes" to a newer answer, re-records) a session's check. A check
 * that recorded changes stays as it is, like the version it made: the database refuses too.
 * Callers saving a version with the check pass the same transaction to both.
 */
export async function recordSessionHealthCheck(
  db: Db,
  check: {
    practiceId: string;
    clientId: string;
    sessionId: string;
    outcome: HealthCheckOutcome;
    historyNumber: number;
    checkedBy: string;
    now?: string;
  },
): Promise<SessionHealthCheck> {
  const existing = await sessionHealthCheck(db, check.practiceId, check.sessionId);
  if (existing?.outcome === 'changed') {
    throw new Conflict(
      'The changes for this session are already recorded. Edit the health history to change it again.',
    );
  }
  const values = {
    outcome: check.outcome,
    history_number: check.historyNumber,
    checked_by: check.checkedBy,
    checked_at: check.now ?? new Date().toISOString(),
  };
  if (existing) {
    await db
      .updateTable('session_health_checks')
      .set(values)
      .where('session_id', '=', check.sessionId)
      .where('practice_id', '=', check.practiceId)
      .execute();
  } else {
    await db
      .insertInto('session_health_checks')
      .values({
        session_id: check.sessionId,
        practice_id: check.practiceId,
        client_id: check.clientId,
        ...values,
      })
      .execute();
  }
  const saved = await sessionHealthCheck(db, check.practiceId, check.sessionId);
  if (!saved) throw new NotFound('health check');
  return saved;
}

/** The client's sessions whose check recorded changes: what the chart flags. */
export async function sessionsWithHistoryChanges(
  db: Db,
  practiceId: string,
  clientId: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('session_health_checks')
    .select('session_id')
    .where('practice_id', '=', practiceId)
    .where('client_id', '=', clientId)
    .where('outcome', '=', 'changed')
    .execute();
  return new Set(rows.map((row) => row.session_id));
}

/** The client's last visit whose note is signed, and the history version current then. */
export interface LastVisit {
  sessionId: string;
  serviceDate: string;
  /** 0 when no history had been recorded by then. */
  historyNumber: number;
}

/**
 * The last signed visit before now (other than `exceptSessionId`, the one being written), and
 * the version current at it: the one its check confirmed, else the newest recorded before its
 * note was signed.
 */
export async function lastVisit(
  db: Db,
  practiceId: string,
  clientId: string,
  exceptSessionId?: string,
): Promise<LastVisit | null> {
  let query = db
    .selectFrom('sessions')
    .innerJoin('notes', 'notes.session_id', 'sessions.id')
    .leftJoin('session_health_checks', 'session_health_checks.session_id', 'sessions.id')
    .select([
      'sessions.id',
      'sessions.service_date',
      'notes.signed_at',
      'session_health_checks.history_number',
    ])
    .where('sessions.practice_id', '=', practiceId)
    .where('sessions.client_id', '=', clientId)
    .where('notes.signed_at', 'is not', null);
  if (exceptSessionId) query = query.where('sessions.id', '!=', exceptSessionId);
  const visit = await query.orderBy('sessions.starts_at', 'desc').limit(1).executeTakeFirst();
  if (!visit) return null;
  if (visit.history_number !== null) {
    return {
      sessionId: visit.id,
      serviceDate: visit.service_date,
      historyNumber: visit.history_number,
    };
  }
  const version = await db
    .selectFrom('health_history_versions')
    .select('number')
    .where('practice_id', '=', practiceId)
    .where('client_id', '=', clientId)
    .where('recorded_at', '<=', visit.signed_at ?? '')
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  return {
    sessionId: visit.id,
    serviceDate: visit.service_date,
    historyNumber: version?.number ?? 0,
  };
}
