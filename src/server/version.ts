import fs from 'node:fs';

/** The version in package.json, read without loading the app (the CLI's --version needs it). */
export const palpateVersion = (
  JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;
