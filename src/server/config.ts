import path from 'node:path';
import { z } from 'zod';

/** Everything the server reads from its environment, validated once at start. */
export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: string;
  /** Absolute cap on a login session, whatever the activity. */
  sessionMaxHours: number;
  /** Login attempts per IP address per minute, on top of the per-account lockout. */
  loginRateLimitPerMinute: number;
  /** Requests per IP address per minute to a client's secure link (intake, consent). */
  publicLinkRateLimitPerMinute: number;
  /** scrypt work factor for new password hashes (2^15 ≈ 32 MiB, OWASP's minimum for scrypt). */
  scryptCost: number;
  /** Set when Palpate runs behind a TLS-terminating proxy, so client IPs and https are read. */
  trustProxy: boolean;
  /** Where the built web app lives; absent in API-only tests. */
  webRoot: string | null;
}

const numberFrom = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const EnvSchema = z.object({
  PORT: numberFrom(3000, 0, 65535),
  HOST: z.string().default('127.0.0.1'),
  PALPATE_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PALPATE_SESSION_MAX_HOURS: numberFrom(12, 1, 168),
  PALPATE_LOGIN_RATE_LIMIT: numberFrom(30, 1, 10_000),
  PALPATE_PUBLIC_LINK_RATE_LIMIT: numberFrom(20, 1, 10_000),
  PALPATE_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
});

export function configFromEnv(env: NodeJS.ProcessEnv, webRoot: string | null): ServerConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  const values = parsed.data;
  return {
    port: values.PORT,
    host: values.HOST,
    dataDir: path.resolve(values.PALPATE_DATA_DIR),
    databaseUrl: values.DATABASE_URL || undefined,
    logLevel: values.LOG_LEVEL,
    sessionMaxHours: values.PALPATE_SESSION_MAX_HOURS,
    loginRateLimitPerMinute: values.PALPATE_LOGIN_RATE_LIMIT,
    publicLinkRateLimitPerMinute: values.PALPATE_PUBLIC_LINK_RATE_LIMIT,
    scryptCost: 2 ** 15,
    trustProxy: values.PALPATE_TRUST_PROXY === 'true',
    webRoot,
  };
}
