import { createHash, timingSafeEqual } from 'node:crypto';
import { StaleVersion } from '../domain/errors.js';
import type { IntakeAnswers } from '../domain/intake-answers.js';
import { IntakeForm } from '../domain/intake-forms.js';
import type { IntakeSubmission, LinkPurpose, SubmissionStatus } from '../domain/intake-links.js';
import { linkState } from '../domain/intake-links.js';
import type { Db } from './database.js';
import type { ClientLinkTable, IntakeSubmissionTable } from './schema.js';
import { updateVersioned } from './versioned.js';

/** The practice's saved intake form; none means the shipped default. */
export interface StoredIntakeForm {
  id: string;
  form: IntakeForm;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

export async function findIntakeForm(
  db: Db,
  practiceId: string,
): Promise<StoredIntakeForm | undefined> {
  const row = await db
    .selectFrom('intake_forms')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    // Parsed, not cast: a form saved by an older release gains the defaults added since.
    form: IntakeForm.parse(JSON.parse(row.content)),
    version: row.version,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

/**
 * Saves the owner's form over the version they edited (0: the shipped form, never saved).
 * Two first saves may race: the loser inserts nothing and gets StaleVersion.
 */
export async function saveIntakeForm(
  db: Db,
  change: {
    id: string;
    practiceId: string;
    form: IntakeForm;
    expectedVersion: number;
    userId: string;
    now: string;
  },
): Promise<StoredIntakeForm> {
  const current = await findIntakeForm(db, change.practiceId);
  const content = JSON.stringify(change.form);
  if (current === undefined && change.expectedVersion === 0) {
    const inserted = await db
      .insertInto('intake_forms')
      .values({
        id: change.id,
        practice_id: change.practiceId,
        content,
        version: 1,
        created_at: change.now,
        updated_at: change.now,
        updated_by: change.userId,
      })
      .onConflict((conflict) => conflict.column('practice_id').doNothing())
      .executeTakeFirst();
    const saved = await findIntakeForm(db, change.practiceId);
    if (Number(inserted.numInsertedOrUpdatedRows) === 0 && saved)
      throw new StaleVersion('intake form', saved, saved.version);
    return saved!;
  }
  if (current === undefined) throw new StaleVersion('intake form', undefined, 0);
  return updateVersioned(db, {
    table: 'intake_forms',
    recordType: 'intake form',
    id: current.id,
    practiceId: change.practiceId,
    expectedVersion: change.expectedVersion,
    values: { content, updated_at: change.now, updated_by: change.userId },
    load: (reader) => findIntakeForm(reader, change.practiceId),
  });
}

export interface StoredClientLink {
  id: string;
  practiceId: string;
  clientId: string;
  purpose: LinkPurpose;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
  usedAt: string | null;
}

/** A client_links row as the rest of the code sees it (follow-up links reuse it). */
export function toLink(row: ClientLinkTable): StoredClientLink {
  return {
    id: row.id,
    practiceId: row.practice_id,
    clientId: row.client_id,
    purpose: row.purpose as LinkPurpose,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    revokedBy: row.revoked_by,
    usedAt: row.used_at,
  };
}

/** Links are stored by the SHA-256 of their token: a copy of the database opens no link. */
export function linkTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function insertClientLink(
  db: Db,
  link: Omit<StoredClientLink, 'revokedAt' | 'revokedBy' | 'usedAt'> & { tokenHash: string },
): Promise<StoredClientLink> {
  const row: ClientLinkTable = {
    id: link.id,
    practice_id: link.practiceId,
    client_id: link.clientId,
    purpose: link.purpose,
    token_hash: link.tokenHash,
    created_by: link.createdBy,
    created_at: link.createdAt,
    expires_at: link.expiresAt,
    revoked_at: null,
    revoked_by: null,
    used_at: null,
  };
  await db.insertInto('client_links').values(row).execute();
  return toLink(row);
}

export async function listClientLinks(
  db: Db,
  practiceId: string,
  clientId: string,
): Promise<StoredClientLink[]> {
  const rows = await db
    .selectFrom('client_links')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .where('client_id', '=', clientId)
    .orderBy('created_at', 'desc')
    .limit(100)
    .execute();
  return rows.map(toLink);
}

/**
 * The link a token opens, in whatever state. The row is found by the token's hash, then the
 * hashes are compared in constant time, so no answer depends on how near a guess came.
 */
export async function findClientLinkByToken(
  db: Db,
  token: string,
): Promise<StoredClientLink | undefined> {
  const hash = linkTokenHash(token);
  const row = await db
    .selectFrom('client_links')
    .selectAll()
    .where('token_hash', '=', hash)
    .executeTakeFirst();
  if (!row) return undefined;
  const expected = Buffer.from(row.token_hash, 'hex');
  const given = Buffer.from(hash, 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given)
    ? toLink(row)
    : undefined;
}

/**
 * The active link for this token and purpose, or undefined for an unknown, altered, expired,
 * revoked or used one: callers answer all of those alike.
 */
export async function resolveClientLink(
  db: Db,
  token: string,
  purpose: LinkPurpose,
  /** Pass the server's Runtime clock; the system clock is only a fallback. */
  now: Date = new Date(),
): Promise<StoredClientLink | undefined> {
  const link = await findClientLinkByToken(db, token);
  if (!link || link.purpose !== purpose || linkState(link, now) !== 'active') return undefined;
  return link;
}

/** Revokes an unused link; false when there is no such link or it was used or revoked. */
export async function revokeClientLink(
  db: Db,
  change: { practiceId: string; clientId: string; id: string; userId: string; now: string },
): Promise<boolean> {
  const result = await db
    .updateTable('client_links')
    .set({ revoked_at: change.now, revoked_by: change.userId })
    .where('id', '=', change.id)
    .where('practice_id', '=', change.practiceId)
    .where('client_id', '=', change.clientId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Marks a link used; false when another request used (or staff revoked) it first. */
export async function markClientLinkUsed(db: Db, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('client_links')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

function toSubmission(row: IntakeSubmissionTable): IntakeSubmission {
  return {
    id: row.id,
    linkId: row.link_id,
    practiceId: row.practice_id,
    clientId: row.client_id,
    formVersion: row.form_version,
    form: IntakeForm.parse(JSON.parse(row.form)),
    answers: JSON.parse(row.answers) as IntakeAnswers,
    submittedAt: row.submitted_at,
    status: row.status as SubmissionStatus,
    reviewedBy: row.reviewed_by,
    reviewedAt: row.reviewed_at,
    reviewNote: row.review_note,
  };
}

export async function insertIntakeSubmission(
  db: Db,
  submission: Omit<IntakeSubmission, 'status' | 'reviewedBy' | 'reviewedAt' | 'reviewNote'> & {
    ip: string | null;
    userAgent: string | null;
  },
): Promise<IntakeSubmission> {
  const row: IntakeSubmissionTable = {
    id: submission.id,
    link_id: submission.linkId,
    practice_id: submission.practiceId,
    client_id: submission.clientId,
    form_version: submission.formVersion,
    form: JSON.stringify(submission.form),
    answers: JSON.stringify(submission.answers),
    submitted_at: submission.submittedAt,
    ip: submission.ip,
    user_agent: submission.userAgent,
    status: 'to_review',
    reviewed_by: null,
    reviewed_at: null,
    review_note: null,
  };
  await db.insertInto('intake_submissions').values(row).execute();
  return toSubmission(row);
}

export async function findIntakeSubmission(
  db: Db,
  practiceId: string,
  id: string,
): Promise<IntakeSubmission | undefined> {
  const row = await db
    .selectFrom('intake_submissions')
    .selectAll()
    .where('id', '=', id)
    .where('practice_id', '=', practiceId)
    .executeTakeFirst();
  return row ? toSubmission(row) : undefined;
}

/** Whether a link already carried a submission (a second POST is a double submission). */
export async function linkHasSubmission(db: Db, linkId: string): Promise<boolean> {
  const row = await db
    .selectFrom('intake_submissions')
    .select('id')
    .where('link_id', '=', linkId)
    .executeTakeFirst();
  return row !== undefined;
}

/** A submission as a list shows it, with the client's name for the review queue. */
export interface IntakeSubmissionListing {
  id: string;
  clientId: string;
  clientName: string;
  status: SubmissionStatus;
  submittedAt: string;
  reviewedAt: string | null;
  reviewedBy: string | null;
  reviewNote: string | null;
}

/**
 * Submissions of the practice (or of one client), newest first. `clientIds` limits the list
 * to the clients the reader reaches clinically; the route decides which those are.
 */
export async function listIntakeSubmissions(
  db: Db,
  filter: {
    practiceId: string;
    clientId?: string;
    status?: SubmissionStatus;
    careTeamOf?: string;
  },
): Promise<IntakeSubmissionListing[]> {
  let query = db
    .selectFrom('intake_submissions')
    .innerJoin('clients', 'clients.id', 'intake_submissions.client_id')
    .select([
      'intake_submissions.id',
      'intake_submissions.client_id',
      'intake_submissions.status',
      'intake_submissions.submitted_at',
      'intake_submissions.reviewed_at',
      'intake_submissions.reviewed_by',
      'intake_submissions.review_note',
      'clients.legal_first_name',
      'clients.legal_last_name',
      'clients.preferred_name',
    ])
    .where('intake_submissions.practice_id', '=', filter.practiceId);
  if (filter.clientId) query = query.where('intake_submissions.client_id', '=', filter.clientId);
  if (filter.status) query = query.where('intake_submissions.status', '=', filter.status);
  if (filter.careTeamOf) {
    const userId = filter.careTeamOf;
    query = query.where((eb) =>
      eb.or([
        eb('clients.primary_therapist_id', '=', userId),
        eb.exists(
          eb
            .selectFrom('care_team')
            .select('care_team.user_id')
            .whereRef('care_team.client_id', '=', 'clients.id')
            .where('care_team.user_id', '=', userId),
        ),
      ]),
    );
  }
  const rows = await query.orderBy('intake_submissions.submitted_at', 'desc').limit(200).execute();
  return rows.map((row) => ({
    id: row.id,
    clientId: row.client_id,
    clientName: `${row.preferred_name ?? row.legal_first_name} ${row.legal_last_name}`,
    status: row.status as SubmissionStatus,
    submittedAt: row.submitted_at,
    reviewedAt: row.reviewed_at,
    reviewedBy: row.reviewed_by,
    reviewNote: row.review_note,
  }));
}

/** Records the one review; false when someone reviewed it first. */
export async function reviewIntakeSubmission(
  db: Db,
  review: {
    practiceId: string;
    id: string;
    status: Exclude<SubmissionStatus, 'to_review'>;
    userId: string;
    note: string | null;
    now: string;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('intake_submissions')
    .set({
      status: review.status,
      reviewed_by: review.userId,
      reviewed_at: review.now,
      review_note: review.note,
    })
    .where('id', '=', review.id)
    .where('practice_id', '=', review.practiceId)
    .where('status', '=', 'to_review')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
