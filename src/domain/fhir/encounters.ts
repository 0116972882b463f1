import type { Session, SessionStatus } from '../sessions.js';
import { sessionMinutes } from '../sessions.js';
import type { MappingContext } from './record.js';
import { coding, concept, hl7, identifier, practiceSystem, ucum } from './systems.js';
import type { Encounter, EncounterStatus } from './types.js';

/**
 * Session → Encounter. R4 has no "no-show" status for an encounter (only Appointment has
 * one): a no-show is an encounter that was cancelled, as a cancelled session is.
 */
const encounterStatuses: Record<SessionStatus, EncounterStatus> = {
  booked: 'planned',
  in_progress: 'in-progress',
  signed: 'finished',
  amended: 'finished',
  cancelled: 'cancelled',
  no_show: 'cancelled',
};

/** When the session ends: its start plus the minutes it lasted (or was planned to). */
export function sessionEnd(
  session: Pick<Session, 'startsAt' | 'plannedMinutes' | 'actualMinutes'>,
) {
  return new Date(
    new Date(session.startsAt).getTime() + sessionMinutes(session) * 60_000,
  ).toISOString();
}

export function encounterResource(session: Session, context: MappingContext): Encounter {
  const typeName = context.names.sessionTypes.get(session.sessionType) ?? session.sessionType;
  const encounter: Encounter = {
    resourceType: 'Encounter',
    id: session.id,
    identifier: [identifier(context.practiceId, 'session', session.id)],
    status: encounterStatuses[session.status],
    // A massage session is an outpatient visit: ambulatory, in the terms of v3 ActCode.
    class: coding(hl7.actCode, 'AMB', 'ambulatory'),
    type: [
      concept(
        typeName,
        coding(practiceSystem(context.practiceId, 'session-type'), session.sessionType, typeName),
      ),
    ],
    subject: context.patient,
    participant: [
      {
        type: [
          concept('primary performer', coding(hl7.participationType, 'PPRF', 'primary performer')),
        ],
        individual: context.practitioner(session.therapistId),
      },
    ],
    period: { start: session.startsAt, end: sessionEnd(session) },
    serviceProvider: context.organization,
  };
  if (session.actualMinutes !== null) {
    encounter.length = { value: session.actualMinutes, unit: 'min', system: ucum, code: 'min' };
  }
  if (session.location) encounter.location = [{ location: { display: session.location } }];
  return encounter;
}
