import type {
  Allergy,
  AreaToAvoid,
  CareGoal,
  HealthCondition,
  Medication,
  SurgeryOrInjury,
} from '../health-history.js';
import {
  allergySubstanceLabels,
  conditionLabels,
  conditionStatusLabels,
  medicationClassLabels,
  surgeryOrInjuryKindLabels,
  treeNutLabels,
  type AllergySubstance,
} from '../health-history-vocabulary.js';
import { ingredientVocabulary } from '../catalogue.js';
import { bodySite, regionLabel } from './body-sites.js';
import type { CurrentHealthHistoryFacts, MappingContext } from './record.js';
import {
  coding,
  concept,
  hl7,
  identifier,
  palpateExtension,
  palpateVocabulary,
  snomedConcepts,
} from './systems.js';
import type {
  AllergyIntolerance,
  ClinicalResource,
  Condition,
  Flag,
  Goal,
  MedicationStatement,
  Procedure,
} from './types.js';

/**
 * The current health history → Condition, AllergyIntolerance, MedicationStatement, surgeries
 * as Procedures and injuries as Conditions, areas to avoid as Flags, the client's own goals as
 * Goals. Each entry keeps the id it has across history versions, so the resource id is stable
 * from one export to the next. What the client told the practice is not a diagnosis: no
 * verification status is claimed.
 */
const historyEntry = (context: MappingContext, id: string) => [
  identifier(context.practiceId, 'health-history-entry', id),
];

export function conditionResource(
  entry: HealthCondition,
  recordedAt: string,
  context: MappingContext,
): Condition {
  const clinical = entry.status === 'resolved' ? 'resolved' : 'active';
  const condition: Condition = {
    resourceType: 'Condition',
    id: entry.id,
    identifier: historyEntry(context, entry.id),
    // Managed (e.g. on insulin) is still active: the safety rules treat it so, and so does R4.
    clinicalStatus: concept(
      conditionStatusLabels[entry.status],
      coding(hl7.conditionClinical, clinical),
    ),
    category: [concept('Problem list item', coding(hl7.conditionCategory, 'problem-list-item'))],
    code: entry.code
      ? concept(
          entry.name,
          coding(palpateVocabulary.condition, entry.code, conditionLabels[entry.code]),
        )
      : concept(entry.name),
    subject: context.patient,
    recordedDate: recordedAt,
  };
  if (entry.regions.length) condition.bodySite = entry.regions.map(bodySite);
  if (entry.onsetDate) condition.onsetDateTime = entry.onsetDate;
  if (entry.resolvedDate) condition.abatementDateTime = entry.resolvedDate;
  if (entry.notes) condition.note = [{ text: entry.notes }];
  return condition;
}

/** Which FHIR category a substance falls in: eaten (nuts) or met on the skin (the rest). */
const allergyCategories: Record<AllergySubstance, AllergyIntolerance['category']> = {
  tree_nut: ['food'],
  peanut: ['food'],
  coconut: ['food'],
  latex: ['environment'],
  fragrance: ['environment'],
  essential_oil: ['environment'],
  lanolin: ['environment'],
  bee_product: ['environment'],
  topical_product: ['environment'],
  other: undefined,
};

function allergyText(entry: Allergy): string {
  const detail =
    entry.name ??
    (entry.nut ? treeNutLabels[entry.nut] : null) ??
    (entry.oil
      ? (ingredientVocabulary.find((ingredient) => ingredient.code === entry.oil)?.name ??
        entry.oil)
      : null);
  const substance = allergySubstanceLabels[entry.substance];
  return detail ? `${substance}: ${detail}` : substance;
}

export function allergyResource(
  entry: Allergy,
  recordedAt: string,
  context: MappingContext,
): AllergyIntolerance {
  const allergy: AllergyIntolerance = {
    resourceType: 'AllergyIntolerance',
    id: entry.id,
    identifier: historyEntry(context, entry.id),
    clinicalStatus: concept('Active', coding(hl7.allergyClinical, 'active')),
    code: concept(
      allergyText(entry),
      coding(
        palpateVocabulary.allergySubstance,
        entry.substance,
        allergySubstanceLabels[entry.substance],
      ),
    ),
    patient: context.patient,
    recordedDate: recordedAt,
  };
  const category = allergyCategories[entry.substance];
  if (category) allergy.category = category;
  if (entry.severity) {
    allergy.criticality =
      entry.severity === 'severe' || entry.severity === 'anaphylaxis' ? 'high' : 'low';
  }
  // The severity travels with a reaction even when the client named none: R4 asks for a
  // manifestation, so it is the general "allergic reaction", or anaphylaxis by its code.
  if (entry.reaction || entry.severity) {
    const manifestation = [
      ...(entry.reaction ? [concept(entry.reaction)] : []),
      ...(entry.severity === 'anaphylaxis'
        ? [concept('Anaphylaxis', snomedConcepts.anaphylaxis)]
        : []),
    ];
    allergy.reaction = [
      {
        manifestation: manifestation.length
          ? manifestation
          : [concept('Allergic reaction', snomedConcepts.allergicReaction)],
        ...(entry.severity
          ? { severity: entry.severity === 'anaphylaxis' ? 'severe' : entry.severity }
          : {}),
      },
    ];
  }
  return allergy;
}

export function medicationResource(
  entry: Medication,
  recordedAt: string,
  context: MappingContext,
): MedicationStatement {
  const statement: MedicationStatement = {
    resourceType: 'MedicationStatement',
    id: entry.id,
    identifier: historyEntry(context, entry.id),
    status: 'active',
    medicationCodeableConcept: concept(
      entry.name,
      coding(palpateVocabulary.medicationClass, entry.class, medicationClassLabels[entry.class]),
    ),
    subject: context.patient,
    dateAsserted: recordedAt,
  };
  if (entry.dose) statement.dosage = [{ text: entry.dose }];
  if (entry.reason) statement.reasonCode = [concept(entry.reason)];
  return statement;
}

/** A surgery is something done: a Procedure. Other injuries are conditions the client had. */
export function surgeryOrInjuryResource(
  entry: SurgeryOrInjury,
  recordedAt: string,
  context: MappingContext,
): Procedure | Condition {
  const code = concept(
    entry.description,
    coding(palpateVocabulary.surgeryOrInjury, entry.kind, surgeryOrInjuryKindLabels[entry.kind]),
  );
  const sites = entry.regions.length ? { bodySite: entry.regions.map(bodySite) } : {};
  const note = entry.notes ? { note: [{ text: entry.notes }] } : {};
  if (entry.kind === 'surgery') {
    return {
      resourceType: 'Procedure',
      id: entry.id,
      identifier: historyEntry(context, entry.id),
      status: 'completed',
      category: concept('Surgical history'),
      code,
      subject: context.patient,
      ...(entry.date ? { performedDateTime: entry.date } : {}),
      ...sites,
      ...note,
    };
  }
  return {
    resourceType: 'Condition',
    id: entry.id,
    identifier: historyEntry(context, entry.id),
    code,
    subject: context.patient,
    recordedDate: recordedAt,
    ...(entry.date ? { onsetDateTime: entry.date } : {}),
    ...sites,
    ...note,
  };
}

/**
 * An area to avoid is a standing warning to whoever treats the client next: a Flag, in words
 * for any reader, and its regions and reason in an extension for a Palpate practice to read.
 */
export function areaToAvoidFlag(entry: AreaToAvoid, context: MappingContext): Flag {
  const where = entry.regions.map(regionLabel).join('; ');
  return {
    resourceType: 'Flag',
    id: entry.id,
    identifier: historyEntry(context, entry.id),
    extension: [
      {
        url: palpateExtension.areaToAvoid,
        extension: [
          ...entry.regions.map((region) => ({
            url: 'region',
            valueCoding: coding(palpateVocabulary.bodyRegion, region, regionLabel(region)),
          })),
          { url: 'reason', valueString: entry.reason },
        ],
      },
    ],
    status: 'active',
    category: [concept('Clinical', coding(hl7.flagCategory, 'clinical', 'Clinical'))],
    code: concept(`Avoid: ${where}. ${entry.reason}`),
    subject: context.patient,
  };
}

/**
 * Pregnancy changes positioning and pressure: it travels as a Condition coded in SNOMED CT
 * (high-risk or not), its due date in words and in an extension.
 */
function pregnancyCondition(
  history: CurrentHealthHistoryFacts,
  clientId: string,
  context: MappingContext,
): Condition {
  const pregnancy = history.history.pregnancy;
  const details = [
    pregnancy.dueDate ? `due ${pregnancy.dueDate}` : null,
    pregnancy.highRisk ? 'high-risk' : null,
  ].filter(Boolean);
  const condition: Condition = {
    resourceType: 'Condition',
    id: `${clientId}-pregnancy`,
    clinicalStatus: concept('Active', coding(hl7.conditionClinical, 'active')),
    category: [concept('Problem list item', coding(hl7.conditionCategory, 'problem-list-item'))],
    code: concept(
      details.length ? `Pregnancy (${details.join(', ')})` : 'Pregnancy',
      pregnancy.highRisk ? snomedConcepts.highRiskPregnancy : snomedConcepts.pregnant,
    ),
    subject: context.patient,
    recordedDate: history.recordedAt,
  };
  if (pregnancy.dueDate)
    condition.extension = [{ url: palpateExtension.dueDate, valueDate: pregnancy.dueDate }];
  return condition;
}

export function careGoalResource(entry: CareGoal, context: MappingContext): Goal {
  return {
    resourceType: 'Goal',
    id: entry.id,
    identifier: historyEntry(context, entry.id),
    lifecycleStatus: 'active',
    description: concept(entry.text),
    subject: context.patient,
  };
}

/**
 * Every resource of the current health history, in the order a reader would look for them:
 * allergies first, since they are what could hurt the client on the table.
 */
export function healthHistoryResources(
  current: CurrentHealthHistoryFacts,
  clientId: string,
  context: MappingContext,
): ClinicalResource[] {
  const { history, recordedAt } = current;
  return [
    ...history.allergies.map((entry) => allergyResource(entry, recordedAt, context)),
    ...history.conditions.map((entry) => conditionResource(entry, recordedAt, context)),
    ...(history.pregnancy.pregnant ? [pregnancyCondition(current, clientId, context)] : []),
    ...history.surgeriesAndInjuries.map((entry) =>
      surgeryOrInjuryResource(entry, recordedAt, context),
    ),
    ...history.medications.map((entry) => medicationResource(entry, recordedAt, context)),
    ...history.areasToAvoid.map((entry) => areaToAvoidFlag(entry, context)),
    ...history.goals.map((entry) => careGoalResource(entry, context)),
  ];
}
