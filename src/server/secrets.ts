import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

function scryptAsync(
  password: string,
  salt: Buffer,
  keylen: number,
  options: ScryptOptions,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/**
 * Passwords are hashed with scrypt, a memory-hard KDF built into Node (no native add-on to
 * build). The parameters travel with the hash, so the cost can rise later without a migration.
 */
export async function hashPassword(password: string, cost = 2 ** 15): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, 32, {
    N: cost,
    r: 8,
    p: 1,
    maxmem: 256 * cost * 8 + 1024 * 1024,
  });
  return `scrypt$${cost}$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, costText, rText, pText, saltText, keyText] = stored.split('$');
  if (scheme !== 'scrypt' || !costText || !rText || !pText || !saltText || !keyText) return false;
  const cost = Number(costText);
  const r = Number(rText);
  const expected = Buffer.from(keyText, 'base64');
  const key = await scryptAsync(password, Buffer.from(saltText, 'base64'), expected.length, {
    N: cost,
    r,
    p: Number(pText),
    maxmem: 128 * cost * r * 2 + 1024 * 1024,
  });
  return timingSafeEqual(key, expected);
}

/** A fixed hash to verify against when the account does not exist, so timing reveals nothing. */
export const decoyPasswordHash =
  'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** Random, URL-safe secret for cookies, CSRF tokens and API tokens. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Session cookies and API token secrets are stored only as their SHA-256. */
export function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
