import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { openStore } from '../../src/store/database.js';
import { findUserByEmail } from '../../src/store/users.js';
import { verifyPassword } from '../../src/server/secrets.js';
import {
  initArgs,
  initialise,
  newInstallation,
  ownerEmail,
  ownerPassword,
  palpate,
  type Installation,
} from '../support/cli.js';
import { dialects } from '../support/dialects.js';

/** Runs `work` on a fresh installation of its own, dropped afterwards. */
async function withInstallation(
  dialect: (typeof dialects)[number]['dialect'],
  work: (installation: Installation) => Promise<void> | void,
): Promise<void> {
  const installation = await newInstallation(dialect);
  try {
    await work(installation);
  } finally {
    await installation.database.drop();
  }
}

/** Changes one audit row behind Palpate's back, removing the append-only trigger first. */
async function tamperWithAuditEvent(installation: Installation, seq: number): Promise<void> {
  const { database } = installation;
  if (database.databaseUrl) {
    const client = new pg.Client({ connectionString: database.databaseUrl });
    await client.connect();
    await client.query('alter table audit_events disable trigger audit_events_no_change');
    await client.query(`update audit_events set outcome = 'denied' where seq = $1`, [seq]);
    await client.end();
    return;
  }
  const connection = new SqliteDatabase(path.join(database.dataDir, 'palpate.sqlite'));
  connection.exec('drop trigger audit_events_no_update');
  connection.prepare(`update audit_events set outcome = 'denied' where seq = ?`).run(seq);
  connection.close();
}

describe('palpate --help', () => {
  it('lists every command', async () => {
    await withInstallation('sqlite', (installation) => {
      const result = palpate(installation, ['--help']);
      assert.equal(result.status, 0);
      for (const command of [
        'serve',
        'init',
        'migrate',
        'user',
        'token',
        'audit',
        'export',
        'backup',
        'restore',
      ]) {
        assert.match(result.stdout, new RegExp(`^\\s+${command}\\b`, 'm'), command);
      }
    });
  });
});

for (const { dialect, skip } of dialects) {
  describe(`palpate init on ${dialect}`, { skip }, () => {
    it('creates the practice with the owner password read from standard input', async () => {
      await withInstallation(dialect, async (installation) => {
        const result = palpate(installation, initArgs, `${ownerPassword}\n`);
        assert.equal(result.status, 0, result.stderr);
        assert.match(
          result.stdout,
          /Created practice "Harbour Massage Therapy" with owner olive@harbour\.example/,
        );
        const store = openStore({
          databaseUrl: installation.database.databaseUrl,
          dataDir: installation.database.dataDir,
        });
        try {
          const owner = await findUserByEmail(store.db, ownerEmail);
          assert.equal(owner?.role, 'owner');
          assert.equal(await verifyPassword(ownerPassword, owner.passwordHash), true);
        } finally {
          await store.close();
        }
      });
    });

    it('refuses a password given as an option, creating nothing', async () => {
      await withInstallation(dialect, (installation) => {
        const result = palpate(
          installation,
          [...initArgs, '--password', ownerPassword],
          `${ownerPassword}\n`,
        );
        assert.notEqual(result.status, 0);
        assert.match(result.stderr, /unknown option '--password'/);
        assert.equal(palpate(installation, initArgs, `${ownerPassword}\n`).status, 0);
      });
    });

    it('refuses to set up an installation twice, exiting 1', async () => {
      await withInstallation(dialect, (installation) => {
        initialise(installation);
        const again = palpate(installation, initArgs, `${ownerPassword}\n`);
        assert.equal(again.status, 1);
        assert.match(again.stderr, /already set up/);
      });
    });

    it('refuses an unknown time zone, naming the field', async () => {
      await withInstallation(dialect, (installation) => {
        const args = initArgs.map((arg) => (arg === 'America/Toronto' ? 'Mars/Olympus_Mons' : arg));
        const result = palpate(installation, args, `${ownerPassword}\n`);
        assert.notEqual(result.status, 0);
        assert.match(result.stderr, /timeZone: Must be an IANA time zone/);
      });
    });

    it('refuses a short password, naming the field', async () => {
      await withInstallation(dialect, (installation) => {
        const result = palpate(installation, initArgs, 'short\n');
        assert.notEqual(result.status, 0);
        assert.match(result.stderr, /password: Must be at least 10 characters/);
      });
    });
  });

  describe(`palpate administration commands on ${dialect}`, { skip }, () => {
    let installation: Installation;
    before(async () => {
      installation = await newInstallation(dialect);
      initialise(installation);
    });
    after(async () => {
      await installation?.database.drop();
    });

    it('adds a staff account with the password read from standard input', () => {
      const result = palpate(
        installation,
        ['user', 'add', '--email', 'theo@harbour.example', '--name', 'Theo', '--role', 'therapist'],
        `${ownerPassword}\n`,
      );
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, /Created therapist account theo@harbour\.example/);
    });

    it('refuses a role that does not exist', () => {
      const result = palpate(
        installation,
        ['user', 'add', '--email', 'boss@harbour.example', '--name', 'Boss', '--role', 'boss'],
        `${ownerPassword}\n`,
      );
      assert.notEqual(result.status, 0);
      assert.match(result.stderr, /owner.*therapist.*front_desk/);
    });

    it('refuses a second account with an email already in use, exiting 1', () => {
      const result = palpate(
        installation,
        ['user', 'add', '--email', ownerEmail, '--name', 'Again', '--role', 'therapist'],
        `${ownerPassword}\n`,
      );
      assert.equal(result.status, 1);
      assert.match(result.stderr, /already exists/);
    });

    it('prints a new API token once', () => {
      const result = palpate(installation, [
        'token',
        'create',
        '--email',
        ownerEmail,
        '--name',
        'Accounting export',
      ]);
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout.trim(), /^plp_[0-9a-f-]{36}_[A-Za-z0-9_-]{43}$/);
    });

    it('refuses a token for an unknown account, exiting 1', () => {
      const result = palpate(installation, [
        'token',
        'create',
        '--email',
        'nobody@harbour.example',
        '--name',
        'X',
      ]);
      assert.equal(result.status, 1);
      assert.match(result.stderr, /No active account/);
    });

    it('migrates idempotently, saying the database is up to date', () => {
      const first = palpate(installation, ['migrate']);
      const second = palpate(installation, ['migrate']);
      assert.deepEqual([first.status, second.status], [0, 0]);
      assert.match(second.stdout, /up to date/);
    });

    it('verifies an intact audit trail, exiting 0', () => {
      const result = palpate(installation, ['audit', 'verify']);
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, /Audit trail intact: \d+ events verified/);
    });

    if (dialect === 'postgresql') {
      it('explains pg_dump instead of backing up, exiting 3', () => {
        const result = palpate(installation, [
          'backup',
          path.join(installation.database.dataDir, 'backup.sqlite'),
        ]);
        assert.equal(result.status, 3);
        assert.match(result.stderr, /pg_dump/);
      });

      it('explains pg_restore instead of restoring, exiting 3', () => {
        const result = palpate(installation, [
          'restore',
          path.join(installation.database.dataDir, 'backup.sqlite'),
        ]);
        assert.equal(result.status, 3);
        assert.match(result.stderr, /pg_restore/);
      });
    }
  });

  describe(`palpate audit verify after tampering on ${dialect}`, { skip }, () => {
    it('exits 1 naming the seq of the changed event', async () => {
      await withInstallation(dialect, async (installation) => {
        initialise(installation);
        for (const name of ['One', 'Two'])
          palpate(installation, ['token', 'create', '--email', ownerEmail, '--name', name]);
        await tamperWithAuditEvent(installation, 2);
        const result = palpate(installation, ['audit', 'verify']);
        assert.equal(result.status, 1);
        assert.match(
          result.stderr,
          /Audit trail BROKEN at event seq 2 .*the row was changed.*1 events before it verified/,
        );
      });
    });
  });
}
