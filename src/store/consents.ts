import { sql } from 'kysely';
import {
  consentKinds,
  type ConsentKind,
  type ConsentSignatureInput,
  type ConsentTextInput,
} from '../domain/consent.js';
import { defaultConsentTexts } from '../domain/consent-texts.js';
import type { ConsentSignatureView, ConsentTextView } from '../domain/consent-views.js';
import { Conflict } from '../domain/errors.js';
import type { Db } from './database.js';

function toText(row: {
  id: string;
  kind: string;
  version: number;
  title: string;
  body: string;
  validity_months: number | null;
  requires_resign: number;
  published_at: string;
  published_by_name: string | null;
}): ConsentTextView {
  return {
    id: row.id,
    kind: row.kind as ConsentKind,
    version: row.version,
    title: row.title,
    body: row.body,
    validityMonths: row.validity_months,
    requiresResign: row.requires_resign === 1,
    publishedAt: row.published_at,
    publishedByName: row.published_by_name,
  };
}

/**
 * Seeds the shipped texts as version 1 of each kind the practice has none of, so every
 * signature refers to a stored text row. Idempotent and safe when two requests race.
 */
export async function ensureConsentTexts(
  db: Db,
  practiceId: string,
  runtime: { now: string; newId: () => string },
): Promise<void> {
  const present = await db
    .selectFrom('consent_texts')
    .select('kind')
    .distinct()
    .where('practice_id', '=', practiceId)
    .execute();
  const have = new Set(present.map((row) => row.kind));
  for (const text of defaultConsentTexts) {
    if (have.has(text.kind)) continue;
    await db
      .insertInto('consent_texts')
      .values({
        id: runtime.newId(),
        practice_id: practiceId,
        kind: text.kind,
        version: 1,
        title: text.title,
        body: text.body,
        validity_months: text.validityMonths,
        requires_resign: text.requiresResign ? 1 : 0,
        published_by: null,
        published_at: runtime.now,
      })
      .onConflict((conflict) => conflict.columns(['practice_id', 'kind', 'version']).doNothing())
      .execute();
  }
}

function textQuery(db: Db, practiceId: string) {
  return db
    .selectFrom('consent_texts')
    .leftJoin('users', 'users.id', 'consent_texts.published_by')
    .selectAll('consent_texts')
    .select('users.display_name as published_by_name')
    .where('consent_texts.practice_id', '=', practiceId);
}

/** Every version of every kind, in the order of `consentKinds`, newest version first. */
export async function listConsentTexts(db: Db, practiceId: string): Promise<ConsentTextView[]> {
  const rows = await textQuery(db, practiceId).orderBy('consent_texts.version', 'desc').execute();
  const order = (kind: string) => consentKinds.indexOf(kind as ConsentKind);
  return rows.map(toText).sort((a, b) => order(a.kind) - order(b.kind));
}

export async function findConsentText(
  db: Db,
  practiceId: string,
  id: string,
): Promise<ConsentTextView | undefined> {
  const row = await textQuery(db, practiceId).where('consent_texts.id', '=', id).executeTakeFirst();
  return row ? toText(row) : undefined;
}

/** The next version of a kind; a simultaneous publication of the same kind is refused. */
export async function publishConsentText(
  db: Db,
  text: { id: string; practiceId: string; input: ConsentTextInput; userId: string; now: string },
): Promise<ConsentTextView> {
  const latest = await db
    .selectFrom('consent_texts')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('practice_id', '=', text.practiceId)
    .where('kind', '=', text.input.kind)
    .executeTakeFirst();
  const inserted = await db
    .insertInto('consent_texts')
    .values({
      id: text.id,
      practice_id: text.practiceId,
      kind: text.input.kind,
      version: Number(latest?.version ?? 0) + 1,
      title: text.input.title,
      body: text.input.body,
      validity_months: text.input.validityMonths,
      requires_resign: text.input.requiresResign ? 1 : 0,
      published_by: text.userId,
      published_at: text.now,
    })
    .onConflict((conflict) => conflict.columns(['practice_id', 'kind', 'version']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
    throw new Conflict('Someone published a new version of this text at the same moment. Reload.');
  }
  return (await findConsentText(db, text.practiceId, text.id))!;
}

export interface NewConsentSignature {
  id: string;
  practiceId: string;
  clientId: string;
  text: { id: string; kind: ConsentKind; version: number; title: string; body: string };
  input: ConsentSignatureInput;
  signedAt: string;
  ip: string;
  userAgent: string;
  channel: 'tablet' | 'link';
  recordedBy: string | null;
}

export async function insertConsentSignature(db: Db, signature: NewConsentSignature) {
  const mark = signature.input.signature;
  await db
    .insertInto('consent_signatures')
    .values({
      id: signature.id,
      practice_id: signature.practiceId,
      client_id: signature.clientId,
      kind: signature.text.kind,
      text_id: signature.text.id,
      text_version: signature.text.version,
      text_title: signature.text.title,
      text_body: signature.text.body,
      signer_name: signature.input.signerName,
      signer_role: signature.input.signerRole,
      guardian_relationship:
        signature.input.signerRole === 'guardian' ? signature.input.guardianRelationship : null,
      shared_with: signature.input.sharedWith,
      mark_type: mark.method,
      mark_format: mark.method === 'drawn' ? mark.format : null,
      mark: mark.method === 'drawn' ? mark.data : mark.typedName,
      signed_at: signature.signedAt,
      ip: signature.ip.slice(0, 64),
      user_agent: signature.userAgent.slice(0, 500),
      channel: signature.channel,
      recorded_by: signature.recordedBy,
    })
    .execute();
}

function signatureQuery(db: Db, practiceId: string, clientId: string) {
  return db
    .selectFrom('consent_signatures as s')
    .leftJoin('consent_withdrawals as w', 'w.signature_id', 's.id')
    .leftJoin('users as recorder', 'recorder.id', 's.recorded_by')
    .leftJoin('users as withdrawer', 'withdrawer.id', 'w.withdrawn_by')
    .selectAll('s')
    .select([
      'w.withdrawn_at',
      'w.reason as withdraw_reason',
      'withdrawer.display_name as withdrawn_by_name',
      'recorder.display_name as recorded_by_name',
      // Whether a withdrawal row exists, independent of nullable columns in the join.
      sql<string | null>`w.signature_id`.as('withdrawal_id'),
    ])
    .where('s.practice_id', '=', practiceId)
    .where('s.client_id', '=', clientId);
}

type SignatureRow = Awaited<ReturnType<ReturnType<typeof signatureQuery>['execute']>>[number];

function toSignature(row: SignatureRow): ConsentSignatureView {
  return {
    id: row.id,
    clientId: row.client_id,
    kind: row.kind as ConsentKind,
    textId: row.text_id,
    textVersion: row.text_version,
    textTitle: row.text_title,
    textBody: row.text_body,
    signerName: row.signer_name,
    signerRole: row.signer_role as 'client' | 'guardian',
    guardianRelationship: row.guardian_relationship,
    sharedWith: row.shared_with,
    signature:
      row.mark_type === 'drawn'
        ? {
            method: 'drawn',
            format: row.mark_format as 'svg_path' | 'png_data_url',
            data: row.mark,
          }
        : { method: 'typed', typedName: row.mark },
    signedAt: row.signed_at,
    ip: row.ip,
    userAgent: row.user_agent,
    channel: row.channel as 'tablet' | 'link',
    recordedByName: row.recorded_by_name,
    withdrawal:
      row.withdrawal_id !== null && row.withdrawn_at !== null
        ? { at: row.withdrawn_at, byName: row.withdrawn_by_name, reason: row.withdraw_reason ?? '' }
        : null,
  };
}

/** A client's signatures, newest first, each with its withdrawal if any. */
export async function listConsentSignatures(
  db: Db,
  practiceId: string,
  clientId: string,
): Promise<ConsentSignatureView[]> {
  const rows = await signatureQuery(db, practiceId, clientId)
    .orderBy('s.signed_at', 'desc')
    .orderBy('s.id', 'desc')
    .execute();
  return rows.map(toSignature);
}

export async function findConsentSignature(
  db: Db,
  practiceId: string,
  clientId: string,
  id: string,
): Promise<ConsentSignatureView | undefined> {
  const row = await signatureQuery(db, practiceId, clientId)
    .where('s.id', '=', id)
    .executeTakeFirst();
  return row ? toSignature(row) : undefined;
}

/** Records a withdrawal; false when the signature was already withdrawn. */
export async function insertConsentWithdrawal(
  db: Db,
  withdrawal: {
    signatureId: string;
    practiceId: string;
    clientId: string;
    reason: string;
    userId: string | null;
    now: string;
  },
): Promise<boolean> {
  const inserted = await db
    .insertInto('consent_withdrawals')
    .values({
      signature_id: withdrawal.signatureId,
      practice_id: withdrawal.practiceId,
      client_id: withdrawal.clientId,
      reason: withdrawal.reason,
      withdrawn_by: withdrawal.userId,
      withdrawn_at: withdrawal.now,
    })
    .onConflict((conflict) => conflict.column('signature_id').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Why a note was signed without current consent, kept with its session. */
export async function insertConsentException(
  db: Db,
  exception: {
    sessionId: string;
    practiceId: string;
    clientId: string;
    reason: string;
    lacking: string;
    userId: string;
    now: string;
  },
): Promise<void> {
  await db
    .insertInto('session_consent_exceptions')
    .values({
      session_id: exception.sessionId,
      practice_id: exception.practiceId,
      client_id: exception.clientId,
      reason: exception.reason,
      lacking: exception.lacking,
      recorded_by: exception.userId,
      recorded_at: exception.now,
    })
    .execute();
}

export async function findConsentException(db: Db, practiceId: string, sessionId: string) {
  return db
    .selectFrom('session_consent_exceptions')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .where('session_id', '=', sessionId)
    .executeTakeFirst();
}
