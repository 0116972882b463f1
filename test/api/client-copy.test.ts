import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { clientTables } from '../../src/store/client-tables.js';
import { auditEvents } from '../support/audit.js';
import { parseCsv } from '../support/csv.js';
import { dialects } from '../support/dialects.js';
import { createPractice, type PracticeFixture } from '../support/factories.js';
import { missingRequiredElements, unresolvedReferences } from '../support/fhir-assertions.js';
import { fhirSchemaErrors } from '../support/fhir-schema.js';
import type { Json } from '../support/http.js';
import { sendIntakeLink } from '../support/intake.js';
import { pdfSkipReason, pdfText } from '../support/pdf.js';
import {
  clientWithRecord,
  reflectionSecret,
  requestClientCopy,
  textOf,
  unzip,
  type RecordWorld,
} from '../support/record-export.js';
import { startTestServer, type TestServer } from '../support/server.js';

for (const { dialect, skip } of dialects) {
  describe(`the client’s copy on ${dialect}`, { skip: skip || pdfSkipReason() }, () => {
    let server: TestServer;
    let practice: PracticeFixture;
    let world: RecordWorld;
    let neighbour: RecordWorld;
    let files: Record<string, Uint8Array>;
    before(async () => {
      server = await startTestServer(dialect);
      practice = await createPractice(server);
      world = await clientWithRecord(practice, server.runtime);
      // A second client of the same practice, whose rows must not reach the first one's copy.
      neighbour = await clientWithRecord(practice, server.runtime, {
        first: 'Bartholomew',
        last: 'Quimby',
        reason: 'Plantar fasciitis flare',
      });
      await sendIntakeLink(practice.owner, world.client.id);
      const answer = await requestClientCopy(practice.owner, world.client.id);
      assert.equal(answer.status, 200, JSON.stringify(answer.problem));
      assert.equal(answer.contentType, 'application/zip');
      files = unzip(answer.bytes);
    });
    after(async () => {
      await server?.close();
    });

    const tableNames = () =>
      clientTables.filter((entry) => !entry.notInClientCopy).map((entry) => entry.table);
    const rowsOf = (table: string): Json[] => JSON.parse(textOf(files[`tables/${table}.json`]));

    it('holds the record as a PDF, a README, and each table that concerns the client as CSV and JSON', () => {
      const expected = [
        'README.txt',
        'record.pdf',
        'fhir-bundle.json',
        ...tableNames().flatMap((table) => [`tables/${table}.csv`, `tables/${table}.json`]),
      ];
      assert.deepEqual(Object.keys(files).sort(), expected.sort());
    });

    it('prints the whole record in the PDF, accents included', () => {
      const text = pdfText(Buffer.from(files['record.pdf']!)).replace(/\s+/g, ' ');
      for (const words of ['Zoë Müller-Łukasiewicz', 'Stiff neck after the café shift', 'Warfarin'])
        assert.ok(text.includes(words), `missing "${words}"`);
      assert.ok(text.includes('the client, for their right of access'));
    });

    it('holds the record as a FHIR R4 Bundle about this client, valid against the R4 schema', () => {
      const bundle = JSON.parse(textOf(files['fhir-bundle.json']));
      assert.equal(bundle.resourceType, 'Bundle');
      assert.deepEqual(fhirSchemaErrors(bundle), []);
      assert.deepEqual(missingRequiredElements(bundle), []);
      assert.deepEqual(unresolvedReferences(bundle), []);
      const patients = bundle.entry
        .map((entry: Json) => entry.resource)
        .filter((resource: Json) => resource.resourceType === 'Patient');
      assert.equal(patients.length, 1);
      assert.equal(patients[0].name[0].family, 'Müller-Łukasiewicz');
    });

    it('puts only this client’s rows in every table', () => {
      const sessionIds = new Set(rowsOf('sessions').map((session) => session.id));
      const linkIds = new Set(rowsOf('client_links').map((link) => link.id));
      assert.equal(sessionIds.size, 2);
      for (const table of tableNames()) {
        for (const row of rowsOf(table)) {
          if (table === 'clients') assert.equal(row.id, world.client.id);
          else if ('client_id' in row) assert.equal(row.client_id, world.client.id, table);
          else if ('session_id' in row) assert.ok(sessionIds.has(row.session_id), table);
          else assert.ok(linkIds.has(row.link_id), table);
        }
      }
      assert.equal(rowsOf('notes').length, 2);
      assert.equal(rowsOf('addenda').length, 1);
      assert.equal(rowsOf('health_history_versions').length, 2);
    });

    it('lets nothing of another client through, in any file', () => {
      for (const [path, content] of Object.entries(files)) {
        const text = path.endsWith('.pdf') ? pdfText(Buffer.from(content)) : textOf(content);
        for (const trace of [neighbour.client.id, 'Quimby', 'Plantar fasciitis'])
          assert.ok(!text.includes(trace), `${path} holds "${trace}"`);
      }
    });

    it('leaves out private reflections: no table, no text, no audit event about them', () => {
      assert.equal(files['tables/reflections.json'], undefined);
      for (const [path, content] of Object.entries(files)) {
        const text = path.endsWith('.pdf') ? pdfText(Buffer.from(content)) : textOf(content);
        assert.ok(!text.includes(reflectionSecret), `${path} holds the reflection`);
      }
      assert.ok(rowsOf('audit_events').every((event) => event.record_type !== 'reflection'));
    });

    it('leaves out secrets and search copies: a link’s token hash, note search text', () => {
      assert.equal(rowsOf('client_links').length, 1);
      assert.ok(!('token_hash' in rowsOf('client_links')[0]));
      assert.ok(!('search_text' in rowsOf('notes')[0]));
      assert.ok(!textOf(files['tables/client_links.csv']).includes('token_hash'));
    });

    it('writes each table’s CSV with the same rows and columns as its JSON', () => {
      for (const table of tableNames()) {
        const [header = [], ...rows] = parseCsv(textOf(files[`tables/${table}.csv`]));
        const json = rowsOf(table);
        assert.equal(rows.length, json.length, table);
        if (json.length > 0) assert.deepEqual(header, Object.keys(json[0]), table);
        else assert.ok(header.length > 0, `${table} has a header`);
      }
    });

    it('is logged as a disclosure to the client', async () => {
      const [event] = await auditEvents(practice.owner, {
        clientId: world.client.id,
        action: 'record.disclose',
      });
      assert.equal(event?.outcome, 'success');
      assert.deepEqual(
        { recipient: event?.detail?.['recipient'], basis: event?.detail?.['basis'] },
        { recipient: 'client', basis: { kind: 'right_of_access' } },
      );
    });
  });
}
