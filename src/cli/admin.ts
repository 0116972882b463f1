import type { z } from 'zod';
import { PracticeProfileInput, emptyAddress } from '../domain/practice.js';
import { Role } from '../domain/roles.js';
import { EmailAddress } from '../domain/text.js';
import { OwnerSetup, Password } from '../domain/staff.js';
import { appendAudit, verifyAuditChain } from '../store/audit.js';
import type { Store } from '../store/database.js';
import { findUserByEmail, insertUser } from '../store/users.js';
import { listPractices } from '../store/practices.js';
import { createApiToken } from '../server/commands/api-tokens.js';
import { setUpPractice } from '../server/commands/practice-setup.js';
import { systemRuntime } from '../server/runtime.js';
import { hashPassword } from '../server/secrets.js';
import { UsageError } from './environment.js';

function parseOrExplain<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) => `  ${issue.path.join('.') || 'value'}: ${issue.message}`,
    );
    throw new UsageError(`Invalid input:\n${lines.join('\n')}`);
  }
  return result.data;
}

async function cliAudit(
  store: Store,
  practiceId: string,
  action: string,
  recordType: string,
  recordId: string | null,
) {
  await appendAudit(
    store.db,
    {
      practiceId,
      userId: null,
      role: null,
      action,
      recordType,
      recordId,
      clientId: null,
      ip: null,
      userAgent: 'palpate cli',
      outcome: 'success',
      detail: null,
    },
    { id: systemRuntime.newId(), at: systemRuntime.now().toISOString() },
  );
}

export async function initPractice(
  store: Store,
  options: { practiceName: string; timeZone: string; email: string; name: string },
  password: string,
): Promise<string> {
  const practice = parseOrExplain(PracticeProfileInput, {
    name: options.practiceName,
    timeZone: options.timeZone,
    address: emptyAddress,
  });
  const owner = parseOrExplain(OwnerSetup, {
    email: options.email,
    displayName: options.name,
    password,
  });
  const passwordHash = await hashPassword(owner.password);
  try {
    const created = await store.db.transaction().execute((trx) =>
      setUpPractice(trx, systemRuntime, {
        practice,
        owner: { email: owner.email, displayName: owner.displayName, passwordHash },
      }),
    );
    await cliAudit(store, created.practice.id, 'practice.setup', 'practice', created.practice.id);
    return `Created practice "${created.practice.name}" with owner ${created.owner.email}.`;
  } catch (error) {
    throw new UsageError((error as Error).message, 1);
  }
}

/** The practice a command acts on: the only one, or the one named with --practice. */
export async function onlyPractice(store: Store, practiceId: string | undefined): Promise<string> {
  const practices = await listPractices(store.db);
  if (practices.length === 0) throw new UsageError('No practice yet. Run `palpate init` first.', 1);
  if (practiceId) {
    if (!practices.some((practice) => practice.id === practiceId))
      throw new UsageError(`No practice with id ${practiceId}.`, 1);
    return practiceId;
  }
  if (practices.length > 1)
    throw new UsageError('Several practices exist: name one with --practice <id>.');
  return practices[0]!.id;
}

export async function addUser(
  store: Store,
  options: { email: string; name: string; role: string; practice?: string },
  password: string,
): Promise<string> {
  const email = parseOrExplain(EmailAddress, options.email);
  const role = parseOrExplain(Role, options.role);
  parseOrExplain(Password, password);
  const practiceId = await onlyPractice(store, options.practice);
  if (await findUserByEmail(store.db, email))
    throw new UsageError(`An account with ${email} already exists.`, 1);
  const user = await insertUser(store.db, {
    id: systemRuntime.newId(),
    practiceId,
    email,
    displayName: options.name,
    role,
    passwordHash: await hashPassword(password),
    now: systemRuntime.now().toISOString(),
  });
  await cliAudit(store, practiceId, 'staff.create', 'user', user.id);
  return `Created ${role} account ${email}.`;
}

export async function createToken(
  store: Store,
  options: { email: string; name: string },
): Promise<string> {
  const user = await findUserByEmail(store.db, options.email.toLowerCase());
  if (!user || user.status !== 'active')
    throw new UsageError(`No active account with email ${options.email}.`, 1);
  const { token, secret } = await createApiToken(store.db, systemRuntime, {
    userId: user.id,
    practiceId: user.practiceId,
    name: options.name,
  });
  await cliAudit(store, user.practiceId, 'token.create', 'api_token', token.id);
  return secret;
}

export async function verifyAudit(store: Store): Promise<{ ok: boolean; message: string }> {
  const verdict = await verifyAuditChain(store.db);
  if (verdict.intact)
    return { ok: true, message: `Audit trail intact: ${verdict.events} events verified.` };
  const broken = verdict.firstBreak;
  const reasons: Record<string, string> = {
    hash_mismatch: 'its content does not match its hash (the row was changed)',
    broken_link: 'it does not link to the event before it',
    missing_event: 'events before it are missing (rows were removed)',
    head_mismatch: 'the newest events are missing (rows were removed from the end)',
  };
  return {
    ok: false,
    message: `Audit trail BROKEN at event seq ${broken.seq} (id ${broken.id ?? 'unknown'}): ${reasons[broken.kind]}. ${verdict.events} events before it verified.`,
  };
}
