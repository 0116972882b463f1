import {
  consentStatus,
  isMinor,
  mayStartOrSignSession,
  signatureIssues,
  treatmentConsentIsCurrent,
  type ConsentSignatureInput,
} from '../../domain/consent.js';
import type { ClientConsentsView, ConsentSignatureView } from '../../domain/consent-views.js';
import { Invalid, NotFound, Unprocessable } from '../../domain/errors.js';
import type { Runtime } from '../../domain/runtime.js';
import { localDate } from '../../domain/time.js';
import {
  ensureConsentTexts,
  findConsentSignature,
  findConsentText,
  insertConsentException,
  insertConsentSignature,
  listConsentSignatures,
  listConsentTexts,
} from '../../store/consents.js';
import type { Db } from '../../store/database.js';
import { ConsentMissing } from '../problems.js';

export interface ConsentClient {
  id: string;
  practiceId: string;
  dateOfBirth: string | null;
}

/** Which consents a client has now, per kind, with every signature behind the answer. */
export async function clientConsents(
  db: Db,
  runtime: Runtime,
  client: ConsentClient,
  timeZone: string,
): Promise<ClientConsentsView> {
  await ensureConsentTexts(db, client.practiceId, {
    now: runtime.now().toISOString(),
    newId: () => runtime.newId(),
  });
  const [texts, signatures] = await Promise.all([
    listConsentTexts(db, client.practiceId),
    listConsentSignatures(db, client.practiceId, client.id),
  ]);
  const status = consentStatus(signatures, texts, {
    clientDateOfBirth: client.dateOfBirth,
    today: localDate(runtime.now(), timeZone),
    timeZone,
  });
  return {
    minor: status.minor,
    treatmentConsentCurrent: treatmentConsentIsCurrent(status),
    entries: status.entries,
    signatures,
  };
}

/**
 * Checks a signature against the text it names and the client, then stores it with the exact
 * words signed. The caller owns the transaction and the audit event.
 */
export async function recordConsentSignature(
  db: Db,
  runtime: Runtime,
  signing: {
    client: ConsentClient;
    timeZone: string;
    input: ConsentSignatureInput;
    ip: string;
    userAgent: string;
    channel: 'tablet' | 'link';
    recordedBy: string | null;
  },
): Promise<ConsentSignatureView> {
  const { client, input } = signing;
  const now = runtime.now();
  await ensureConsentTexts(db, client.practiceId, {
    now: now.toISOString(),
    newId: () => runtime.newId(),
  });
  const text = await findConsentText(db, client.practiceId, input.textId);
  if (!text) {
    throw new Invalid('The consent text was not found.', [
      { field: 'textId', message: 'No such consent text; reload and sign the current one.' },
    ]);
  }
  const versions = (await listConsentTexts(db, client.practiceId)).filter(
    (candidate) => candidate.kind === text.kind,
  );
  const currentVersion = Math.max(...versions.map((candidate) => candidate.version));
  const minor = isMinor(client.dateOfBirth, localDate(now, signing.timeZone));
  const issues = signatureIssues(input, text, currentVersion, { minor });
  if (issues.length > 0) throw new Unprocessable('The consent was not signed.', issues);
  const id = runtime.newId();
  await insertConsentSignature(db, {
    id,
    practiceId: client.practiceId,
    clientId: client.id,
    text,
    input,
    signedAt: now.toISOString(),
    ip: signing.ip,
    userAgent: signing.userAgent,
    channel: signing.channel,
    recordedBy: signing.recordedBy,
  });
  return (await findConsentSignature(db, client.practiceId, client.id, id))!;
}

/**
 * The note-sign gate: with current treatment consent (and guardian consent for a minor) the
 * note may be signed; without it only with a reason, which is stored with the session. Returns
 * what was lacking when a reason was recorded, for the audit event; null when consent was there.
 */
export async function checkConsentBeforeSigning(
  db: Db,
  runtime: Runtime,
  signing: {
    client: ConsentClient;
    timeZone: string;
    sessionId: string;
    reason: string | null | undefined;
    userId: string;
  },
): Promise<string | null> {
  const consents = await clientConsents(db, runtime, signing.client, signing.timeZone);
  const decision = mayStartOrSignSession(consents, signing.reason ?? null);
  if (!decision.reasonRequired) return null;
  if (!decision.allowed) {
    throw new ConsentMissing(decision.message ?? 'Treatment consent is not current.', [
      {
        field: 'consentExceptionReason',
        message: 'Say why the session goes ahead without current consent.',
      },
    ]);
  }
  const lacking = consents.entries
    .filter((entry) => entry.required && entry.state !== 'current')
    .map((entry) => `${entry.kind}: ${entry.state}`)
    .join('; ');
  await insertConsentException(db, {
    sessionId: signing.sessionId,
    practiceId: signing.client.practiceId,
    clientId: signing.client.id,
    reason: signing.reason!.trim(),
    lacking,
    userId: signing.userId,
    now: runtime.now().toISOString(),
  });
  return lacking;
}

/** A signature of this client, or 404 (also for another client's or practice's). */
export async function signatureOf(db: Db, client: ConsentClient, signatureId: string) {
  const signature = await findConsentSignature(db, client.practiceId, client.id, signatureId);
  if (!signature) throw new NotFound('consent');
  return signature;
}
