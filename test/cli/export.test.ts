import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '../../src/server/app.js';
import { clientTables } from '../../src/store/client-tables.js';
import { practiceTables } from '../../src/store/export-rows.js';
import { openStore } from '../../src/store/database.js';
import { findUserByEmail } from '../../src/store/users.js';
import {
  initialise,
  newInstallation,
  ownerEmail,
  ownerPassword,
  palpate,
  type Installation,
} from '../support/cli.js';
import { testRuntime } from '../support/clock.js';
import { dialects } from '../support/dialects.js';
import { unresolvedReferences } from '../support/fhir-assertions.js';
import { fhirSchemaErrors } from '../support/fhir-schema.js';
import { ApiClient } from '../support/http.js';
import { pdfSkipReason, pdfText } from '../support/pdf.js';
import { clientWithRecord, reflectionSecret, textOf, unzip } from '../support/record-export.js';

/**
 * Fills an installation the way a practice would: the real server over its database, two
 * clients with signed notes, histories, consents and a private reflection each.
 */
async function furnish(installation: Installation): Promise<string[]> {
  const store = await installation.database.open();
  const runtime = testRuntime();
  const app = await buildApp({
    store,
    runtime,
    config: {
      port: 0,
      host: '127.0.0.1',
      dataDir: installation.database.dataDir,
      databaseUrl: installation.database.databaseUrl,
      logLevel: 'silent',
      sessionMaxHours: 12,
      loginRateLimitPerMinute: 10_000,
      publicLinkRateLimitPerMinute: 10_000,
      scryptCost: 2 ** 12,
      trustProxy: false,
      webRoot: null,
    },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const owner = new ApiClient(url);
    const login = await owner.login(ownerEmail, ownerPassword);
    assert.equal(login.status, 200, login.text);
    const account = (await findUserByEmail(store.db, ownerEmail))!;
    const practice = {
      practiceId: account.practiceId,
      owner,
      ownerId: account.id,
      ownerEmail,
    };
    const first = await clientWithRecord(practice, runtime);
    const second = await clientWithRecord(practice, runtime, {
      first: 'Bartholomew',
      last: 'Quimby',
      reason: 'Plantar fasciitis flare',
    });
    return [first.client.id, second.client.id];
  } finally {
    await app.close();
    await store.close();
  }
}

/** Every file under a folder, by its path relative to the folder. */
function filesUnder(folder: string): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const entry of fs.readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(folder, full)] = new Uint8Array(fs.readFileSync(full));
  }
  return files;
}

for (const { dialect, skip } of dialects) {
  describe(`palpate export on ${dialect}`, { skip: skip || pdfSkipReason() }, () => {
    let installation: Installation;
    let clientIds: string[];
    let folder: string;
    let files: Record<string, Uint8Array>;
    before(async () => {
      installation = await newInstallation(dialect);
      initialise(installation);
      clientIds = await furnish(installation);
      folder = path.join(installation.database.dataDir, 'export');
      const result = palpate(installation, ['export', folder]);
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, /Exported the practice and 2 clients \(\d+ files\) to /);
      files = filesUnder(folder);
    });
    after(async () => {
      await installation?.database.drop();
    });

    it('writes the practice, its staff and catalogues, and the whole audit trail', () => {
      for (const entry of practiceTables) {
        assert.ok(files[`practice/${entry.table}.csv`], `practice/${entry.table}.csv`);
        assert.ok(files[`practice/${entry.table}.json`], `practice/${entry.table}.json`);
      }
      const [practice] = JSON.parse(textOf(files['practice/practices.json']));
      assert.equal(practice.name, 'Harbour Massage Therapy');
      const audit = JSON.parse(textOf(files['audit/audit_events.json']));
      assert.ok(audit.length > 10);
      assert.ok(audit.every((event: { hash: string }) => /^[0-9a-f]{64}$/.test(event.hash)));
      assert.ok(files['README.txt']);
    });

    it('writes staff without password hashes', () => {
      const [owner] = JSON.parse(textOf(files['practice/users.json']));
      assert.equal(owner.email, ownerEmail);
      assert.ok(!('password_hash' in owner));
      for (const [name, content] of Object.entries(files))
        if (!name.endsWith('.pdf')) assert.ok(!textOf(content).includes('scrypt$'), name);
    });

    it('writes each client’s full copy in a folder of its own, its FHIR Bundle valid R4', () => {
      const tables = clientTables.filter((entry) => !entry.notInClientCopy);
      for (const id of clientIds) {
        const folderOf = Object.keys(files)
          .find((name) => name.includes(id))!
          .split('/')[1];
        assert.ok(folderOf, `a folder for ${id}`);
        const prefix = `clients/${folderOf}`;
        for (const entry of tables)
          assert.ok(files[`${prefix}/tables/${entry.table}.json`], entry.table);
        const [client] = JSON.parse(textOf(files[`${prefix}/tables/clients.json`]));
        assert.equal(client.id, id);
      }
      const bundles = Object.keys(files).filter((name) => name.endsWith('/fhir-bundle.json'));
      assert.equal(bundles.length, clientIds.length);
      for (const name of bundles) {
        const bundle = JSON.parse(textOf(files[name]));
        assert.deepEqual(fhirSchemaErrors(bundle), [], name);
        assert.deepEqual(unresolvedReferences(bundle), [], name);
      }
      const zoe = Object.keys(files).find(
        (name) => name.endsWith('record.pdf') && name.includes('muller-lukasiewicz-zoe'),
      );
      assert.ok(zoe, 'a folder named after Zoë Müller-Łukasiewicz');
      assert.ok(pdfText(Buffer.from(files[zoe]!)).includes('Zoë Müller-Łukasiewicz'));
    });

    it('exports no private reflection, in any file', () => {
      for (const [name, content] of Object.entries(files)) {
        assert.ok(!name.includes('reflections'), name);
        const text = name.endsWith('.pdf') ? pdfText(Buffer.from(content)) : textOf(content);
        assert.ok(!text.includes(reflectionSecret), `${name} holds the reflection`);
      }
    });

    it('writes the same files into one zip when the target ends in .zip', () => {
      const zip = path.join(installation.database.dataDir, 'practice.zip');
      const result = palpate(installation, ['export', zip]);
      assert.equal(result.status, 0, result.stderr);
      const inZip = Object.keys(unzip(fs.readFileSync(zip))).sort();
      assert.deepEqual(inZip, Object.keys(files).sort());
    });

    it('refuses to write over a folder that is not empty', () => {
      const result = palpate(installation, ['export', folder]);
      assert.equal(result.status, 1);
      assert.match(result.stderr, /already exists and is not empty/);
    });

    it('records the export in the audit trail, which still verifies', async () => {
      const store = openStore({
        databaseUrl: installation.database.databaseUrl,
        dataDir: installation.database.dataDir,
      });
      try {
        const events = await store.db
          .selectFrom('audit_events')
          .select(['detail'])
          .where('action', '=', 'practice.export')
          .execute();
        assert.ok(events.length >= 1);
        assert.equal(JSON.parse(events[0]!.detail!).clients, 2);
      } finally {
        await store.close();
      }
      const audit = palpate(installation, ['audit', 'verify']);
      assert.equal(audit.status, 0, audit.stderr);
      assert.match(audit.stdout, /Audit trail intact/);
    });
  });
}
