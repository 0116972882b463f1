import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { assertProblem, assertStatus } from '../support/assertions.js';
import { auditEvents } from '../support/audit.js';
import { dialects } from '../support/dialects.js';
import { createPractice } from '../support/factories.js';
import type { ApiClient, Json } from '../support/http.js';
import { fhirImport, ownBundle, ownFixture, sendBody } from '../support/imports.js';
import { startTestServer, type TestServer } from '../support/server.js';

/** Where each error of a refused import is, and what it says. */
const errorsOf = (response: Json): Array<[string, string]> =>
  response.body.errors.map((error: Json) => [error.field, error.message]);

async function nothingImported(owner: ApiClient): Promise<void> {
  assert.equal((await owner.get('/api/v1/clients?status=all')).body.total, 0);
  assert.deepEqual(await auditEvents(owner, { action: 'import.fhir' }), []);
}

/**
 * Sends `megabytes` of body in 1 MB chunks without a Content-Length and counts how much went
 * out before the server answered: a server that buffered everything would answer only at the
 * end, one that stops at its limit answers long before.
 */
function streamUpload(
  url: string,
  owner: ApiClient,
  megabytes: number,
): Promise<{ status: number; body: Json; sentBytes: number }> {
  return new Promise((resolve, reject) => {
    const target = new URL(`${url}/api/v1/imports/fhir`);
    let sentBytes = 0;
    let answered = false;
    const request = http.request(
      {
        method: 'POST',
        hostname: target.hostname,
        port: target.port,
        path: target.pathname,
        headers: {
          'content-type': 'application/fhir+json',
          'transfer-encoding': 'chunked',
          cookie: owner.cookie!,
          'x-csrf-token': owner.csrfToken!,
        },
      },
      (response) => {
        answered = true;
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(text), sentBytes }),
        );
      },
    );
    // A server that stops reading may close the socket while the client is still writing:
    // the write fails (EPIPE, ECONNRESET) and the answer can arrive just after, so it is
    // awaited a moment before the failure counts.
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (answered) return;
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') return reject(error);
      setTimeout(() => (answered ? undefined : reject(error)), 2000);
    });
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const writeMore = () => {
      while (!answered && sentBytes < megabytes * 1024 * 1024) {
        sentBytes += chunk.length;
        if (!request.write(chunk)) {
          request.once('drain', writeMore);
          return;
        }
      }
      request.end();
    };
    request.write('{"resourceType":"Bundle","type":"collection","entry":[');
    writeMore();
  });
}

for (const { dialect, skip } of dialects) {
  describe(`FHIR import refusing bad input on ${dialect}`, { skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(dialect);
    });
    after(async () => {
      await server?.close();
    });

    it('refuses a body that is not JSON', async () => {
      const { owner } = await createPractice(server);
      const response = await sendBody(
        owner,
        '/api/v1/imports/fhir',
        '<Bundle/>',
        'application/fhir+json',
      );
      assertProblem(response, 400, 'malformed-json');
      await nothingImported(owner);
    });

    it('refuses JSON that is not FHIR, saying so', async () => {
      const { owner } = await createPractice(server);
      const response = await fhirImport(owner, ownBundle('not-fhir'));
      assertProblem(response, 422, 'unprocessable');
      assert.deepEqual(errorsOf(response), [
        [
          'resourceType',
          'Not FHIR: the JSON has no resourceType. Palpate imports FHIR R4 Bundles.',
        ],
      ]);
      await nothingImported(owner);
    });

    it('refuses a resource that is not a Bundle', async () => {
      const { owner } = await createPractice(server);
      const response = await fhirImport(owner, ownBundle('patient-not-bundle'));
      assertProblem(response, 422);
      assert.match(errorsOf(response)[0]![1], /^This is a Patient, not a Bundle/);
    });

    it('refuses STU3’s Observation.context at its entry, naming R4’s element', async () => {
      const { owner } = await createPractice(server);
      const response = await fhirImport(owner, ownBundle('stu3-observation'));
      assertProblem(response, 422);
      assert.deepEqual(errorsOf(response), [
        [
          'entry[2].resource.context',
          'Observation.context is FHIR STU3; R4 calls it Observation.encounter. Export the bundle as FHIR R4.',
        ],
      ]);
      await nothingImported(owner);
    });

    it('refuses DSTU2 shapes, each where it is', async () => {
      const { owner } = await createPractice(server);
      const response = await fhirImport(owner, ownBundle('dstu2-shapes'));
      assertProblem(response, 422);
      assert.deepEqual(
        errorsOf(response).map(([field]) => field),
        [
          'entry[0].resource.name[0].family',
          'entry[1].resource.patient',
          'entry[1].resource.clinicalStatus',
          'entry[1].resource.verificationStatus',
          'entry[2].resource.resourceType',
          'entry[0].resource.name',
        ],
      );
      assert.match(
        errorsOf(response)[4]![1],
        /MedicationOrder is a FHIR DSTU2 .*MedicationRequest/,
      );
      await nothingImported(owner);
    });

    it('refuses a reference that points to nothing in the bundle, and imports none of it', async () => {
      const { owner } = await createPractice(server);
      const response = await fhirImport(owner, ownBundle('broken-reference'));
      assertProblem(response, 422);
      assert.deepEqual(errorsOf(response), [
        [
          'entry[2].resource.subject.reference',
          '"urn:uuid:0a7d2c9e-1111-4c3b-8a55-00000000dead" points to nothing in this bundle.',
        ],
      ]);
      await nothingImported(owner);
    });

    it('refuses dates that are not FHIR dates or not in the calendar, at their place', async () => {
      const { owner } = await createPractice(server);
      const response = await fhirImport(owner, ownBundle('invalid-dates'));
      assertProblem(response, 422);
      assert.deepEqual(errorsOf(response), [
        [
          'entry[0].resource.birthDate',
          '"12/03/1985" is not a FHIR date (YYYY, YYYY-MM or YYYY-MM-DD).',
        ],
        ['entry[1].resource.effectiveDateTime', '2019-02-30 is not a day of the calendar.'],
      ]);
      await nothingImported(owner);
    });

    it('imports nothing when one patient of several is refused', async () => {
      const { owner } = await createPractice(server);
      const bundle = ownBundle('clinic-collection');
      bundle.entry[1].resource.birthDate = '2999-01-01';
      const response = await fhirImport(owner, bundle);
      assertProblem(response, 422);
      assert.deepEqual(errorsOf(response), [
        ['entry[1].resource.birthDate', 'Date of birth cannot be in the future.'],
      ]);
      await nothingImported(owner);
    });

    it('refuses a CSV sent where a bundle belongs', async () => {
      const { owner } = await createPractice(server);
      const response = await sendBody(
        owner,
        '/api/v1/imports/fhir',
        ownFixture('csv/clients-with-problems.csv'),
        'text/csv',
      );
      assertProblem(response, 400, 'invalid-request');
      assert.deepEqual(response.body.errors[0].field, 'Content-Type');
    });

    it('refuses a 50 MB upload by its stated length with 413, stating the limit', async () => {
      const { owner } = await createPractice(server);
      const response = await fetch(`${server.url}/api/v1/imports/fhir`, {
        method: 'POST',
        headers: {
          'content-type': 'application/fhir+json',
          'content-length': String(50 * 1024 * 1024),
          cookie: owner.cookie!,
          'x-csrf-token': owner.csrfToken!,
        },
        body: new Blob([new Uint8Array(50 * 1024 * 1024)]),
      }).catch((error: unknown) => error);
      assert.ok(response instanceof Response, `the server answered: ${String(response)}`);
      assert.equal(response.status, 413);
      assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
      const problem = (await response.json()) as Json;
      assert.equal(
        problem.detail,
        'The request body is larger than this endpoint accepts: at most 20 MB.',
      );
      assert.equal(problem.limitBytes, 20 * 1024 * 1024);
    });

    it('stops reading a 50 MB upload of unstated length at the limit, and answers 413', async () => {
      const { owner } = await createPractice(server);
      const { status, body, sentBytes } = await streamUpload(server.url, owner, 50);
      assert.equal(status, 413);
      assert.equal(body.limitBytes, 20 * 1024 * 1024);
      assert.ok(sentBytes < 40 * 1024 * 1024, `the server waited for ${sentBytes} bytes`);
      await nothingImported(owner);
    });

    it('still imports a good bundle after refusing bad ones', async () => {
      const { owner } = await createPractice(server);
      assertProblem(await fhirImport(owner, ownBundle('broken-reference')), 422);
      assertStatus(await fhirImport(owner, ownBundle('transaction-urn-uuid')), 200);
    });
  });
}
