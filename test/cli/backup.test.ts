import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { ClientInput } from '../../src/domain/clients.js';
import { insertClient } from '../../src/store/clients.js';
import { openSqlite, type Store } from '../../src/store/database.js';
import { listPractices } from '../../src/store/practices.js';
import { initialise, newInstallation, palpate, type Installation } from '../support/cli.js';

const databaseFile = (installation: Installation) =>
  path.join(installation.database.dataDir, 'palpate.sqlite');

/** Client last names in a SQLite file, read without Palpate. */
function lastNamesIn(file: string): string[] {
  const connection = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const rows = connection
      .prepare('select legal_last_name from clients order by legal_last_name')
      .all() as Array<{ legal_last_name: string }>;
    return rows.map((row) => row.legal_last_name);
  } finally {
    connection.close();
  }
}

async function addClient(store: Store, legalLastName: string): Promise<void> {
  const [practice] = await listPractices(store.db);
  await insertClient(store.db, {
    id: `client-${legalLastName}`,
    practiceId: practice!.id,
    input: ClientInput.parse({ legalFirstName: 'Ana', legalLastName }),
    userId: null,
    now: new Date().toISOString(),
  });
}

describe('palpate backup and restore on sqlite', () => {
  let installation: Installation;
  let backupFile: string;
  let backup: ReturnType<typeof palpate>;
  before(async () => {
    installation = await newInstallation('sqlite');
    initialise(installation);
    // A connection stays open, as a running server's would, with its last write still in the WAL.
    const running = openSqlite(databaseFile(installation));
    await addClient(running, 'BeforeBackup');
    backupFile = path.join(installation.database.dataDir, 'backups', 'palpate-backup.sqlite');
    backup = palpate(installation, ['backup', backupFile]);
    await addClient(running, 'AfterBackup');
    await running.close();
  });
  after(async () => {
    await installation?.database.drop();
  });

  it('writes a backup while a connection is open', () => {
    assert.equal(backup.status, 0, backup.stderr);
    assert.match(backup.stdout, /Backup written to .*palpate-backup\.sqlite/);
    assert.equal(
      fs.readFileSync(backupFile).subarray(0, 16).toString('latin1'),
      'SQLite format 3\u0000',
    );
  });

  it('includes writes not yet checkpointed from the WAL, and nothing later', () => {
    assert.deepEqual(lastNamesIn(backupFile), ['BeforeBackup']);
  });

  it('refuses to overwrite an existing file, exiting 1', () => {
    const again = palpate(installation, ['backup', backupFile]);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /already exists/);
  });

  it('refuses to restore a file that is not SQLite, exiting 1 and changing nothing', () => {
    const notSqlite = path.join(installation.database.dataDir, 'notes.txt');
    fs.writeFileSync(notSqlite, 'not a database at all, just some text');
    const before = fs.readFileSync(databaseFile(installation));
    const result = palpate(installation, ['restore', notSqlite]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /is not a SQLite database/);
    assert.deepEqual(fs.readFileSync(databaseFile(installation)), before);
  });

  it('refuses to restore a SQLite file that is not a Palpate database, exiting 1', () => {
    const foreign = path.join(installation.database.dataDir, 'foreign.sqlite');
    const connection = new SqliteDatabase(foreign);
    connection.exec('create table recipes (name text)');
    connection.close();
    const result = palpate(installation, ['restore', foreign]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /not a Palpate one/);
  });

  it('restores the backup, keeping the previous database beside it', () => {
    const result = palpate(installation, ['restore', backupFile]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /Restored .*previous database kept at .*Audit trail intact/);
    assert.deepEqual(lastNamesIn(databaseFile(installation)), ['BeforeBackup']);
    const kept = fs
      .readdirSync(installation.database.dataDir)
      .filter((name) => name.startsWith('palpate.sqlite.before-restore-'));
    assert.equal(kept.length, 1);
    assert.deepEqual(lastNamesIn(path.join(installation.database.dataDir, kept[0]!)), [
      'AfterBackup',
      'BeforeBackup',
    ]);
  });
});
