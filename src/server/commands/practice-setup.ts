import { Conflict } from '../../domain/errors.js';
import {
  defaultPracticeSettings,
  type Practice,
  type PracticeProfileInput,
} from '../../domain/practice.js';
import type { Runtime } from '../../domain/runtime.js';
import type { Db } from '../../store/database.js';
import { seedCatalogue } from '../../store/catalogue.js';
import { countPractices, insertPractice } from '../../store/practices.js';
import { findUserByEmail, insertUser, type UserAccount } from '../../store/users.js';

/**
 * Creates the practice and its owner in one transaction — the first-start setup page and
 * `palpate init` both come here. Refuses once a practice exists unless `allowAnother`.
 */
export async function setUpPractice(
  db: Db,
  runtime: Runtime,
  input: {
    practice: PracticeProfileInput;
    owner: { email: string; displayName: string; passwordHash: string };
    allowAnother?: boolean;
  },
): Promise<{ practice: Practice; owner: UserAccount }> {
  if (!input.allowAnother && (await countPractices(db)) > 0) {
    throw new Conflict('This Palpate is already set up. Sign in instead.');
  }
  if (await findUserByEmail(db, input.owner.email)) {
    throw new Conflict('That email already belongs to an account.', [
      { field: 'owner.email', message: 'Already used by another account.' },
    ]);
  }
  const now = runtime.now().toISOString();
  const practice = await insertPractice(db, {
    ...input.practice,
    id: runtime.newId(),
    settings: defaultPracticeSettings,
    now,
  });
  await seedCatalogue(db, practice.id, runtime);
  const owner = await insertUser(db, {
    id: runtime.newId(),
    practiceId: practice.id,
    email: input.owner.email,
    displayName: input.owner.displayName,
    role: 'owner',
    passwordHash: input.owner.passwordHash,
    now,
  });
  return { practice, owner };
}
