import type { Client } from '../../domain/clients.js';
import { NotFound } from '../../domain/errors.js';
import { clientRecordBundle } from '../../domain/fhir/bundle.js';
import type { Bundle } from '../../domain/fhir/types.js';
import type { Runtime } from '../../domain/runtime.js';
import { localDate } from '../../domain/time.js';
import type { Db } from '../../store/database.js';
import { clientExternalRecords } from '../../store/external-records.js';
import { loadClientRecord } from '../../store/fhir-record.js';
import { findPractice } from '../../store/practices.js';

/**
 * A client's whole record as a FHIR R4 `collection` Bundle (domain/fhir/bundle.ts), stamped
 * with the runtime's clock. Shared by the download route and the client's copy, so both
 * export the same thing, with the history imported from other providers. Private reflections
 * and unsigned drafts are never read.
 */
export async function clientFhirBundle(
  db: Db,
  runtime: Runtime,
  request: { practiceId: string; client: Client },
): Promise<Bundle> {
  const practice = await findPractice(db, request.practiceId);
  if (!practice) throw new NotFound('practice');
  const now = runtime.now();
  const [record, externalRecords] = await Promise.all([
    loadClientRecord(db, {
      practice,
      client: request.client,
      today: localDate(now, practice.timeZone),
      exportedAt: now.toISOString(),
    }),
    clientExternalRecords(db, practice.id, request.client.id),
  ]);
  return clientRecordBundle(record, externalRecords);
}
