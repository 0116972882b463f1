import fs from 'node:fs';
import path from 'node:path';
import { appendAudit } from '../store/audit.js';
import type { Store } from '../store/database.js';
import { zipArchive } from '../server/commands/archive-files.js';
import { practiceExportFiles } from '../server/commands/practice-export.js';
import { systemRuntime } from '../server/runtime.js';
import { onlyPractice } from './admin.js';
import { UsageError } from './environment.js';

/**
 * `palpate export <target>`: the whole practice as files (see server/commands/practice-export.ts)
 * into a new folder, or into one zip when the target ends in `.zip`. An existing file or a
 * folder with anything in it is never overwritten. The export is recorded in the audit trail.
 */
export async function exportPractice(
  store: Store,
  options: { target: string; practice?: string },
): Promise<string> {
  const practiceId = await onlyPractice(store, options.practice);
  const target = path.resolve(options.target);
  const asZip = target.toLowerCase().endsWith('.zip');
  if (asZip ? fs.existsSync(target) : fs.existsSync(target) && fs.readdirSync(target).length > 0)
    throw new UsageError(
      `${target} already exists${asZip ? '' : ' and is not empty'}; choose a new place.`,
      1,
    );
  const madeAt = systemRuntime.now();
  const { files, clients } = await practiceExportFiles(store.db, systemRuntime, practiceId);
  if (asZip) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, zipArchive(files, madeAt), { mode: 0o600 });
  } else {
    for (const [name, content] of Object.entries(files)) {
      const file = path.join(target, name);
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      fs.writeFileSync(file, content, { mode: 0o600 });
    }
  }
  await appendAudit(
    store.db,
    {
      practiceId,
      userId: null,
      role: null,
      action: 'practice.export',
      recordType: 'practice',
      recordId: practiceId,
      clientId: null,
      ip: null,
      userAgent: 'palpate cli',
      outcome: 'success',
      detail: { format: asZip ? 'zip' : 'folder', clients, files: Object.keys(files).length },
    },
    { id: systemRuntime.newId(), at: madeAt.toISOString() },
  );
  return `Exported the practice and ${clients} client${clients === 1 ? '' : 's'} (${Object.keys(files).length} files) to ${target}.`;
}
