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

// Unit, store, API and CLI files run two at a time (each has its own databases and server);
// browser files run one at a time, since two Chromiums on a small machine make timing flaky.
const browserFolder = `${path.sep}test${path.sep}e2e${path.sep}`;
const groups = [
  { files: files.filter((file) => !file.includes(browserFolder)), concurrency: 2 },
  { files: files.filter((file) => file.includes(browserFolder)), concurrency: 1 },
].filter((group) => group.files.length > 0);

const tapFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'palpate-tap-'));
let allSucceeded = true;
const totals = { passed: 0, failed: 0, skipped: 0 };
for (const [index, group] of groups.entries()) {
  const tapFile = path.join(tapFolder, `report-${index}.tap`);
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      `--test-concurrency=${group.concurrency}`,
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tapFile}`,
      ...group.files,
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } },
  );
  const tap = fs.existsSync(tapFile) ? fs.readFileSync(tapFile, 'utf8') : '';
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
  totals.passed += count('pass');
  totals.failed += count('fail') + count('cancelled');
  totals.skipped += count('skipped') + count('todo');
  if (result.status !== 0) allSucceeded = false;
}
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(allSucceeded && totals.failed === 0 ? 0 : 1);
