#!/usr/bin/env node
// Runs every test file (unit tests beside the code, suites under test/) with Node's test
// runner, prints the spec report, and closes with one line of totals: "N passed, N failed,
// N skipped". Pass file paths or folder names to run a subset: `npm test -- test/api`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const requested = process.argv.slice(2);
const roots = requested.length ? requested : ['src', 'test'];

function collect(target, found) {
  const full = path.resolve(root, target);
  if (!fs.existsSync(full)) return;
  if (fs.statSync(full).isFile()) {
    found.push(full);
    return;
  }
  for (const entry of fs.readdirSync(full, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const child = path.join(full, entry.name);
    if (entry.isDirectory()) collect(child, found);
    else if (/\.test\.tsx?$/.test(entry.name)) found.push(child);
  }
}

const files = [];
for (const target of roots) collect(target, files);
files.sort();
if (files.length === 0) {
  console.error('No test files found.');
  process.exit(1);
}

const tapFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'palpate-tap-')), 'report.tap');
const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tapFile}`,
    ...files,
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } },
);

const tap = fs.existsSync(tapFile) ? fs.readFileSync(tapFile, 'utf8') : '';
const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
const passed = count('pass');
const failed = count('fail') + count('cancelled');
const skipped = count('skipped') + count('todo');
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(result.status === 0 && failed === 0 ? 0 : 1);
