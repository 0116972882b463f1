import { markKindLabels, pressureLabels, type NoteContent } from '../notes.js';
import type { Session } from '../sessions.js';
import { regionLabel } from './body-sites.js';
import {
  noteCompositionId,
  painObservationId,
  referenceTo,
  techniqueProcedureId,
} from './links.js';
import { labelled, list, narrative } from './narrative.js';
import type { MappingContext, SignedNoteFacts } from './record.js';
import { coding, concept, loinc, palpateVocabulary } from './systems.js';
import type { CodeableConcept, Composition, CompositionSection, Reference } from './types.js';

/**
 * A signed note → a Composition: the narrative of the session in SOAP order, in the
 * therapist's own words, with the structured parts (pain scores, techniques) as entries that
 * point at their Observations and Procedures. Addenda follow as their own section; the signed
 * original is never rewritten. Sections carry the LOINC codes of clinical-note sections.
 */
const heatColdLabels: Record<NoteContent['treatment']['heatCold'], string> = {
  none: '',
  heat: 'Heat',
  cold: 'Cold',
  contrast: 'Contrast (heat and cold)',
};

const intensityLabels = ['', 'mild', 'moderate', 'severe'] as const;

function when(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(instant));
}

function section(
  title: string,
  code: CodeableConcept,
  parts: string[],
  entry: Reference[] = [],
): CompositionSection {
  return {
    title,
    code,
    text: narrative(...parts),
    ...(entry.length ? { entry } : {}),
  };
}

const filled = (label: string, value: string | null | undefined) =>
  value && value.trim() ? labelled(label, value) : '';
const score = (label: string, value: number | null) =>
  value === null ? '' : labelled(label, `${value} / 10`);
const ownSection = (code: string, label: string) =>
  concept(label, coding(palpateVocabulary.noteSection, code, label));

function soapSections(note: SignedNoteFacts, context: MappingContext): CompositionSection[] {
  const { subjective, objective, treatment, assessment, plan } = note.content;
  const painEntry = (moment: 'before' | 'after', value: number | null) =>
    value === null
      ? []
      : [referenceTo(context.links, 'Observation', painObservationId(note.sessionId, moment))];
  const marks = objective.bodyChart.map(
    (mark) =>
      `${markKindLabels[mark.kind]} (${intensityLabels[mark.intensity] ?? mark.intensity}): ${regionLabel(mark.region)}`,
  );
  const techniques = treatment.techniques.map((use) => {
    const name = context.names.techniques.get(use.technique) ?? use.technique;
    const regions = use.regions.map(regionLabel).join(', ');
    return `${name}${regions ? ` — ${regions}` : ''} — ${use.minutes} min, pressure ${use.pressure} (${pressureLabels[use.pressure]})`;
  });
  const products = treatment.products.map(
    (use) => context.names.products.get(use.productId) ?? 'Unnamed product',
  );
  const sections = [
    section(
      'Subjective',
      concept('Subjective', coding(loinc, '61150-9', 'Subjective Narrative')),
      [
        filled('Reason for visit', subjective.reasonForVisit),
        filled('Symptoms', subjective.symptoms),
        filled('Changes since the last visit', subjective.changesSinceLastVisit),
        score('Pain before treatment', subjective.painBefore),
        score('Stress', subjective.stress),
        score('Sleep quality', subjective.sleepQuality),
      ],
      painEntry('before', subjective.painBefore),
    ),
    section('Objective', concept('Objective', coding(loinc, '61149-1', 'Objective Narrative')), [
      filled('Posture', objective.posture),
      filled('Palpation', objective.palpation),
      filled('Range of motion', objective.rangeOfMotion),
      marks.length ? `<p><b>Body chart:</b></p>${list(marks)}` : '',
    ]),
    section(
      'Treatment',
      ownSection('treatment', 'Treatment'),
      [
        techniques.length ? `<p><b>Techniques:</b></p>${list(techniques)}` : '',
        products.length ? `<p><b>Products:</b></p>${list(products)}` : '',
        filled('Heat or cold', heatColdLabels[treatment.heatCold]),
        treatment.tools.length ? labelled('Tools', treatment.tools.join(', ')) : '',
        filled('Client response', treatment.clientResponse),
      ],
      treatment.techniques.map((_, position) =>
        referenceTo(context.links, 'Procedure', techniqueProcedureId(note.sessionId, position)),
      ),
    ),
    section(
      'Assessment',
      concept('Assessment', coding(loinc, '51848-0', 'Assessment note')),
      [
        filled('Response to treatment', assessment.responseToTreatment),
        score('Pain after treatment', assessment.painAfter),
        filled('Tissue changes', assessment.tissueChanges),
      ],
      painEntry('after', assessment.painAfter),
    ),
    section('Plan', concept('Plan', coding(loinc, '18776-5', 'Plan of care note')), [
      filled('Frequency', plan.frequency),
      filled('Home care', plan.homeCare),
      filled('Focus next time', plan.focusNextTime),
    ]),
  ];
  const carried = note.content.carriedOver;
  if (carried) {
    sections.push(
      section('Plan brought forward', ownSection('carried-over', 'Plan brought forward'), [
        '<p>Brought forward from the previous session’s plan, not written for this visit.</p>',
        filled('Focus', carried.focus),
        filled('Home care', carried.homeCare),
        filled('Frequency', carried.frequency),
      ]),
    );
  }
  return sections;
}

function addendaSection(note: SignedNoteFacts, context: MappingContext): CompositionSection {
  return {
    title: 'Addenda',
    code: ownSection('addenda', 'Addenda'),
    text: narrative(
      '<p>Added after signing, with their reasons; the note above is as it was signed.</p>',
    ),
    section: note.addenda.map((addendum) => ({
      title: `Addendum by ${addendum.authorName}, ${when(addendum.createdAt, context.timeZone)}`,
      text: narrative(labelled('Reason', addendum.reason), labelled('Addendum', addendum.text)),
    })),
  };
}

export function noteComposition(
  note: SignedNoteFacts,
  session: Session,
  context: MappingContext,
): Composition {
  const typeName = context.names.sessionTypes.get(session.sessionType) ?? session.sessionType;
  const lastChange = note.addenda.reduce(
    (latest, addendum) => (addendum.createdAt > latest ? addendum.createdAt : latest),
    note.signedAt,
  );
  const authors = [
    ...new Set([note.authorId, ...note.addenda.map((addendum) => addendum.authorId)]),
  ];
  const sections = soapSections(note, context);
  if (note.addenda.length) sections.push(addendaSection(note, context));
  return {
    resourceType: 'Composition',
    id: noteCompositionId(note.sessionId),
    status: note.addenda.length ? 'amended' : 'final',
    type: concept('Progress note', coding(loinc, '11506-3', 'Progress note')),
    subject: context.patient,
    encounter: referenceTo(context.links, 'Encounter', session.id),
    date: lastChange,
    author: authors.map((id) => context.practitioner(id)),
    title: `${typeName} massage session, ${session.serviceDate}`,
    attester: [{ mode: 'legal', time: note.signedAt, party: context.practitioner(note.signedBy) }],
    custodian: context.organization,
    section: sections,
  };
}
