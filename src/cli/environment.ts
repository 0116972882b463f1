import { fileURLToPath } from 'node:url';
import { configFromEnv, type ServerConfig } from '../server/config.js';

/** The built web app: dist/web beside dist/cli in a build, and the same folder from src via tsx. */
export const webRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));

export function loadConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return { ...configFromEnv(process.env, webRoot), ...overrides };
}

/** Errors a user can fix, printed without a stack trace, with the exit code they deserve. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** Reads a secret from standard input — never from argv, where `ps` and shell history see it. */
export async function readSecretFromStdin(prompt: string): Promise<string> {
  if (process.stdin.isTTY) {
    const { createInterface } = await import('node:readline');
    const readline = createInterface({
      input: process.stdin,
      output: process.stderr,
      terminal: true,
    });
    const muted = readline as unknown as { _writeToOutput: (text: string) => void };
    process.stderr.write(prompt);
    muted._writeToOutput = () => undefined;
    const answer = await new Promise<string>((resolve) => readline.question('', resolve));
    readline.close();
    process.stderr.write('\n');
    return answer;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text.split(/\r?\n/)[0] ?? '';
}
