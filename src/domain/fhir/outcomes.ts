import { dueReasonLabels } from '../measure-schedule.js';
import type { GoalInput } from '../goals.js';
import { frequencyText, goalStatusLabels } from '../goals.js';
import {
  definitionOf,
  painMeasureId,
  type MeasureScore,
  type MeasureView,
  type PsfsActivity,
} from '../outcome-measures.js';
import { regionLabel } from './body-sites.js';
import { referenceTo } from './links.js';
import type { GoalFacts, MappingContext, OutcomeFacts, TreatmentPlanFacts } from './record.js';
import {
  coding,
  concept,
  hl7,
  identifier,
  painSeverityCoding,
  practiceSystem,
  ucum,
} from './systems.js';
import type { CarePlan, CodeableConcept, Goal, Observation, Quantity } from './types.js';

/**
 * Progress: each outcome-measure score → an Observation (the NPRS with its LOINC code, the
 * PSFS per activity, the practice's own measures by their code); each goal → a Goal with its
 * measurable target; the current treatment plan → a CarePlan naming the active goals.
 */
function measureConcept(
  measure: MeasureView | undefined,
  measureId: string,
  activity: PsfsActivity | undefined,
  context: MappingContext,
): CodeableConcept {
  const name = measure?.definitions.at(-1)?.name ?? measureId;
  const text = activity ? `${name}: ${activity.description}` : name;
  const own = coding(practiceSystem(context.practiceId, 'measure'), measureId, name);
  // "Pain now" is the Numeric Pain Rating Scale, the same LOINC code as the notes' scores.
  return measureId === painMeasureId ? concept(text, painSeverityCoding, own) : concept(text, own);
}

function scoreQuantity(value: number, unit: string | null): Quantity {
  // A scale without a unit is a score ({score} in UCUM); a unit the practice typed in is kept
  // as its words, since it may not be UCUM.
  return unit === null
    ? { value, unit: '{score}', system: ucum, code: '{score}' }
    : { value, unit };
}

export function scoreObservation(
  score: MeasureScore,
  facts: Pick<OutcomeFacts, 'measures' | 'activities'>,
  context: MappingContext,
): Observation {
  const measure = facts.measures.find((entry) => entry.id === score.measureId);
  const definition = measure ? definitionOf(measure, score.measureVersion) : undefined;
  const activity = facts.activities.find((entry) => entry.id === score.activityId);
  // A corrected score keeps the id of the one it corrects: it is that observation, amended.
  const id = score.correctsId ?? score.id;
  const observation: Observation = {
    resourceType: 'Observation',
    id,
    identifier: [identifier(context.practiceId, 'measure-score', id)],
    status: score.correctsId ? 'corrected' : 'final',
    category: [concept('Survey', coding(hl7.observationCategory, 'survey', 'Survey'))],
    code: measureConcept(measure, score.measureId, activity, context),
    subject: context.patient,
    effectiveDateTime: score.recordedAt,
    issued: score.enteredAt,
    performer: [
      score.source === 'client_link' || score.recordedBy === null
        ? context.patient
        : context.practitioner(score.recordedBy),
    ],
    valueQuantity: scoreQuantity(score.value ?? 0, definition?.unit ?? null),
  };
  if (score.sessionId) {
    observation.encounter = referenceTo(context.links, 'Encounter', score.sessionId);
  }
  const notes = [
    definition
      ? `Scale ${definition.min}–${definition.max}, ${definition.better} is better; a change of ${definition.minimalImportantChange} matters.`
      : null,
    score.reason ? `Corrected: ${score.reason}` : null,
  ].filter((text): text is string => text !== null);
  if (notes.length) observation.note = notes.map((text) => ({ text }));
  return observation;
}

const lifecycle: Record<GoalInput['status'], Goal['lifecycleStatus']> = {
  active: 'active',
  met: 'completed',
  // R4 has no "revised": the goal gave way to the one that revises it.
  revised: 'cancelled',
  stopped: 'cancelled',
};

export function goalResource(
  goal: GoalFacts,
  facts: Pick<OutcomeFacts, 'measures' | 'activities'>,
  context: MappingContext,
): Goal {
  const target = goal.target;
  const measure =
    target.kind === 'pain'
      ? concept(
          target.moment === 'before' ? 'Pain before treatment' : 'Pain after treatment',
          painSeverityCoding,
        )
      : measureConcept(
          facts.measures.find((entry) => entry.id === target.measureId),
          target.measureId,
          facts.activities.find((entry) => entry.id === target.activityId),
          context,
        );
  const resource: Goal = {
    resourceType: 'Goal',
    id: goal.id,
    identifier: [identifier(context.practiceId, 'goal', goal.id)],
    lifecycleStatus: lifecycle[goal.status],
    description: concept(goal.statement),
    subject: context.patient,
    startDate: goal.createdAt.slice(0, 10),
    target: [
      {
        measure,
        detailQuantity: {
          value: goal.targetValue,
          comparator: goal.comparator === 'at_least' ? '>=' : '<=',
          unit: '{score}',
          system: ucum,
          code: '{score}',
        },
        ...(goal.reEvaluationDate ? { dueDate: goal.reEvaluationDate } : {}),
      },
    ],
    statusDate: goal.updatedAt.slice(0, 10),
  };
  if (goal.status === 'met') {
    resource.achievementStatus = concept('Achieved', coding(hl7.goalAchievement, 'achieved'));
  }
  if (goal.statusReason) resource.statusReason = goal.statusReason;
  else if (goal.status !== 'active') resource.statusReason = goalStatusLabels[goal.status];
  return resource;
}

export function carePlanResource(
  current: TreatmentPlanFacts,
  goals: readonly GoalFacts[],
  facts: Pick<OutcomeFacts, 'measures'>,
  clientId: string,
  context: MappingContext,
): CarePlan {
  const { plan } = current;
  const measureName = (id: string) =>
    facts.measures.find((measure) => measure.id === id)?.definitions.at(-1)?.name ?? id;
  const activities = [
    ...(plan.focusRegions.length
      ? [`Focus on: ${plan.focusRegions.map(regionLabel).join(', ')}`]
      : []),
    ...plan.techniques.map((code) => `Technique: ${context.names.techniques.get(code) ?? code}`),
    ...plan.measures.map((schedule) => {
      const when = [
        schedule.atIntake ? dueReasonLabels.intake : null,
        schedule.everySessions ? `every ${schedule.everySessions} sessions` : null,
        schedule.atDischarge ? dueReasonLabels.discharge : null,
      ].filter(Boolean);
      return `Measure ${measureName(schedule.measureId)}: ${when.join(', ')}`;
    }),
  ];
  const frequency = frequencyText(plan);
  const carePlan: CarePlan = {
    resourceType: 'CarePlan',
    id: `${clientId}-plan`,
    identifier: [identifier(context.practiceId, 'treatment-plan', `${clientId}-${current.number}`)],
    status: 'active',
    intent: 'plan',
    title: 'Treatment plan',
    subject: context.patient,
    period: { start: plan.startsOn },
    created: current.recordedAt,
    author: context.practitioner(current.recordedBy),
  };
  if (frequency) carePlan.description = frequency;
  const active = goals.filter((goal) => goal.status === 'active');
  if (active.length) {
    carePlan.goal = active.map((goal) => referenceTo(context.links, 'Goal', goal.id));
  }
  if (activities.length) {
    carePlan.activity = activities.map((description) => ({
      detail: { status: 'scheduled', description },
    }));
  }
  const notes = [
    plan.reEvaluationDate ? `Re-evaluate on ${plan.reEvaluationDate}.` : null,
    plan.notes,
  ].filter((text): text is string => Boolean(text));
  if (notes.length) carePlan.note = notes.map((text) => ({ text }));
  return carePlan;
}
