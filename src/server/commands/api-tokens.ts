import type { Runtime } from '../../domain/runtime.js';
import type { ApiToken } from '../../domain/staff.js';
import type { Db } from '../../store/database.js';
import { insertToken, toApiToken } from '../../store/tokens.js';
import { digest, newSecret } from '../secrets.js';

/** Creates a token and returns its secret, which exists nowhere else afterwards. */
export async function createApiToken(
  db: Db,
  runtime: Runtime,
  owner: { userId: string; practiceId: string; name: string },
): Promise<{ token: ApiToken; secret: string }> {
  const id = runtime.newId();
  const secretPart = newSecret(32);
  const stored = await insertToken(db, {
    id,
    userId: owner.userId,
    practiceId: owner.practiceId,
    name: owner.name,
    secretHash: digest(secretPart),
    now: runtime.now().toISOString(),
  });
  return { token: toApiToken(stored), secret: `plp_${id}_${secretPart}` };
}
