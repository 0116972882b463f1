import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { recordFacts } from '../../../test/support/fhir-record-facts.js';
import {
  fhirFixturesDir,
  fhirFixturesSkipReason,
  fhirSchemaErrors,
  isValidFhir,
} from '../../../test/support/fhir-schema.js';
import { clientRecordBundle } from './bundle.js';
import { capabilityStatement } from './capability.js';
import { operationOutcome } from './responses.js';

/**
 * The official R4 JSON schema the exports are checked against, checked itself: it passes the
 * third-party data it should (HL7's examples, Synthea's bundles, read in place from the shared
 * fixtures) and refuses what it should, so a passing export means something.
 */
describe('the FHIR R4 JSON schema', () => {
  it('refuses a resource that breaks it', () => {
    const bundle = (status: string) => ({
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        {
          fullUrl: 'urn:uuid:x',
          resource: { resourceType: 'Encounter', status, class: { system: 'urn:x', code: 'AMB' } },
        },
      ],
    });
    assert.equal(isValidFhir(bundle('finished')), true);
    assert.equal(isValidFhir(bundle('done')), false);
    assert.deepEqual(fhirSchemaErrors(bundle('done')), [
      '.entry[0].resource.status: should be equal to one of the allowed values',
    ]);
  });

  it('accepts an export built from an in-memory record, the answers of the API too', () => {
    assert.deepEqual(fhirSchemaErrors(clientRecordBundle(recordFacts())), []);
    assert.deepEqual(fhirSchemaErrors(operationOutcome('not-found', 'Patient not found.')), []);
    const statement = capabilityStatement({
      base: 'https://clinic.example/fhir/R4',
      version: '1.0.0',
      date: '2026-11-27T15:00:00.000Z',
    });
    // The packaged schema is R4's 4.0.0 edition: its FHIR versions stop at 4.0.0.
    assert.deepEqual(fhirSchemaErrors({ ...statement, fhirVersion: '4.0.0' }), []);
  });

  const skip = fhirFixturesSkipReason();
  for (const folder of ['r4-examples', 'synthea']) {
    it(`accepts every third-party file in fixtures/fhir/${folder}`, { skip }, () => {
      const directory = path.join(fhirFixturesDir, folder);
      const files = fs.readdirSync(directory).filter((file) => file.endsWith('.json'));
      assert.ok(files.length >= 5);
      for (const file of files) {
        const resource = JSON.parse(fs.readFileSync(path.join(directory, file), 'utf8')) as unknown;
        assert.deepEqual(fhirSchemaErrors(resource), [], file);
      }
    });
  }
});
