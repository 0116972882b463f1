import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { underCi } from './dialects.js';

/** Why PDF text cannot be checked here (poppler's pdftotext missing), or false. Never skipped under CI. */
export function pdfSkipReason(): string | false {
  const found = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
  if (found.error === undefined || underCi) return false;
  return 'pdftotext is not installed (apt-get install -y poppler-utils)';
}

/** The text of a PDF as poppler extracts it, to check what a reader would see. */
export function pdfText(pdf: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'palpate-pdf-')), 'document.pdf');
  fs.writeFileSync(file, pdf);
  const result = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
  return result.stdout;
}
