import { pressureLabels } from '../notes.js';
import { bodySite } from './body-sites.js';
import { sessionEnd } from './encounters.js';
import { painObservationId, referenceTo, techniqueProcedureId, type PainMoment } from './links.js';
import type { MappingContext, PainScoreFacts, TechniqueUseFacts } from './record.js';
import {
  coding,
  concept,
  hl7,
  identifier,
  painSeverityCoding,
  palpateVocabulary,
  practiceSystem,
  ucum,
} from './systems.js';
import type { Observation, Procedure } from './types.js';

/**
 * What was done and how it felt: each technique of a signed note → a Procedure on its body
 * sites; each pain score → an Observation coded with LOINC 72514-3 (NPRS). Both point at the
 * session's Encounter. Only signed notes count: a draft is not part of the record yet.
 */
export function techniqueProcedure(use: TechniqueUseFacts, context: MappingContext): Procedure {
  const name = context.names.techniques.get(use.technique) ?? use.technique;
  const id = techniqueProcedureId(use.sessionId, use.position);
  const procedure: Procedure = {
    resourceType: 'Procedure',
    id,
    identifier: [identifier(context.practiceId, 'technique-use', id)],
    status: 'completed',
    category: concept('Massage therapy'),
    code: concept(
      name,
      coding(practiceSystem(context.practiceId, 'technique'), use.technique, name),
    ),
    subject: context.patient,
    encounter: referenceTo(context.links, 'Encounter', use.sessionId),
    performedDateTime: use.startsAt,
    performer: [{ actor: context.practitioner(use.performerId) }],
    // R4's Procedure has no element for minutes or pressure: they are said in a note.
    note: [
      {
        text: `${use.minutes} min at pressure ${use.pressure} of 5 (${pressureLabels[use.pressure]})`,
      },
    ],
  };
  if (use.regions.length > 0) procedure.bodySite = use.regions.map(bodySite);
  return procedure;
}

const painMoments: Record<PainMoment, { code: string; label: string }> = {
  before: { code: 'pain-before-treatment', label: 'Pain before treatment' },
  after: { code: 'pain-after-treatment', label: 'Pain after treatment' },
};

/**
 * The pain scores of one signed note: before treatment (at the session's start) and after
 * (at its end), told apart by a second, narrower coding beside LOINC and by their times.
 */
export function painObservations(scores: PainScoreFacts, context: MappingContext): Observation[] {
  const observations: Observation[] = [];
  const moments: Array<[PainMoment, number | null, string]> = [
    ['before', scores.painBefore, scores.session.startsAt],
    ['after', scores.painAfter, sessionEnd(scores.session)],
  ];
  for (const [moment, value, at] of moments) {
    if (value === null) continue;
    const id = painObservationId(scores.sessionId, moment);
    const { code, label } = painMoments[moment];
    observations.push({
      resourceType: 'Observation',
      id,
      identifier: [identifier(context.practiceId, 'pain-score', id)],
      status: 'final',
      category: [concept('Survey', coding(hl7.observationCategory, 'survey', 'Survey'))],
      code: concept(label, painSeverityCoding, coding(palpateVocabulary.observation, code, label)),
      subject: context.patient,
      encounter: referenceTo(context.links, 'Encounter', scores.sessionId),
      effectiveDateTime: at,
      issued: scores.signedAt,
      performer: [context.practitioner(scores.authorId)],
      valueQuantity: { value, unit: '{score}', system: ucum, code: '{score}' },
    });
  }
  return observations;
}
