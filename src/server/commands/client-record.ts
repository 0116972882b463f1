import type { Client } from '../../domain/clients.js';
import { compareHealthHistories } from '../../domain/health-history-diff.js';
import { emptyHealthHistory } from '../../domain/health-history.js';
import { inPeriod, type RecordSection } from '../../domain/record-export.js';
import type { Runtime } from '../../domain/runtime.js';
import { avoidRegions, evaluateSafety } from '../../domain/safety.js';
import { localDate } from '../../domain/time.js';
import { listProducts, listSessionTypes, listTechniques } from '../../store/catalogue.js';
import { signedNotesOfClient } from '../../store/client-record.js';
import type { Db } from '../../store/database.js';
import { listClientFollowUps } from '../../store/follow-ups.js';
import { healthHistoryVersions } from '../../store/health-history.js';
import { findPractice } from '../../store/practices.js';
import { findSafetySettings } from '../../store/safety.js';
import { findUserById } from '../../store/users.js';
import type { ClientRecordDocument, HealthHistoryVersionEntry } from '../pdf/record-pdf.js';
import { emptyProgress } from '../pdf/record-pdf-progress.js';
import { recordEffectiveness, recordProgress } from './client-record-progress.js';
import { clientConsents } from './consents.js';

export interface ClientRecordRequest {
  practiceId: string;
  timeZone: string;
  client: Client;
  sections: readonly RecordSection[];
  period: { from: string | null; to: string | null };
  /** Who the document is for, as printed on its first page. */
  recipient: string;
  generatedBy: string;
}

/**
 * Reads what the record's PDF prints for the sections asked for, and nothing else: a copy
 * for a physiotherapist with only the safety section reads no notes. Shared by the route, the
 * client's copy and `palpate export`. Reflections are never read here.
 */
export async function gatherClientRecord(
  db: Db,
  runtime: Runtime,
  request: ClientRecordRequest,
): Promise<ClientRecordDocument> {
  const { practiceId, client, period } = request;
  const wants = (...sections: RecordSection[]) =>
    sections.some((section) => request.sections.includes(section));
  const now = runtime.now();
  const today = localDate(now, request.timeZone);
  const [practice, therapist, versions, safetySettings, consents, notes, followUps, names] =
    await Promise.all([
      findPractice(db, practiceId),
      client.primaryTherapistId ? findUserById(db, client.primaryTherapistId) : undefined,
      wants('healthHistory', 'safety')
        ? healthHistoryVersions(db, practiceId, client.id)
        : Promise.resolve([]),
      wants('safety') ? findSafetySettings(db, practiceId) : undefined,
      wants('consents')
        ? clientConsents(
            db,
            runtime,
            { id: client.id, practiceId, dateOfBirth: client.dateOfBirth },
            request.timeZone,
          )
        : null,
      wants('notes', 'progress', 'followUps')
        ? signedNotesOfClient(db, practiceId, client.id, period)
        : Promise.resolve([]),
      wants('followUps') ? listClientFollowUps(db, practiceId, client.id) : Promise.resolve([]),
      catalogueNames(db, practiceId),
    ]);

  // Versions come newest first; each is compared with the one saved before it.
  const oldestFirst = [...versions].reverse();
  const history: HealthHistoryVersionEntry[] = oldestFirst.flatMap((version, index) =>
    inPeriod(localDate(new Date(version.recordedAt), request.timeZone), period)
      ? [
          {
            number: version.number,
            recordedAt: version.recordedAt,
            recordedByName: version.recordedByName,
            source: version.source,
            changes: compareHealthHistories(
              oldestFirst[index - 1]?.history ?? emptyHealthHistory(),
              version.history,
            ),
          },
        ]
      : [],
  );
  const current = versions[0] ?? null;
  const settings = safetySettings?.settings;
  const progressRequest = {
    practiceId,
    clientId: client.id,
    timeZone: request.timeZone,
    now,
    period,
    names,
  };
  const [progress, effectiveness] = await Promise.all([
    wants('progress') ? recordProgress(db, progressRequest, notes) : emptyProgress(),
    wants('effectiveness')
      ? recordEffectiveness(db, {
          ...progressRequest,
          minimumSessions: practice?.settings.effectivenessMinimumSessions ?? 3,
        })
      : null,
  ]);
  return {
    practiceName: practice?.name ?? '',
    timeZone: request.timeZone,
    generatedAt: now.toISOString(),
    generatedBy: request.generatedBy,
    recipient: request.recipient,
    sections: [...request.sections],
    period,
    client,
    primaryTherapistName: therapist?.displayName ?? null,
    healthHistory: { current, versions: history },
    safety: {
      evaluatedOn: today,
      alerts:
        current && settings ? evaluateSafety({ history: current.history, today, settings }) : [],
      avoidRegions: current && settings ? avoidRegions(current.history, today, settings) : [],
    },
    consents,
    progress,
    effectiveness,
    followUps: followUps.filter((followUp) =>
      inPeriod(localDate(new Date(followUp.submittedAt), request.timeZone), period),
    ),
    notes,
    names,
  };
}

async function catalogueNames(db: Db, practiceId: string) {
  const [techniques, products, sessionTypes] = await Promise.all([
    listTechniques(db, practiceId),
    listProducts(db, practiceId),
    listSessionTypes(db, practiceId),
  ]);
  return {
    techniques: new Map(techniques.map((entry) => [entry.code, entry.name])),
    products: new Map(products.map((product) => [product.id, product.name])),
    sessionTypes: new Map(sessionTypes.map((entry) => [entry.code, entry.name])),
  };
}
