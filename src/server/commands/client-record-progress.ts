import { clientEffectiveness } from '../../domain/effectiveness.js';
import { factorKindLabels } from '../../domain/effectiveness-views.js';
import { progressStateLabels } from '../../domain/goal-progress.js';
import { comparatorSymbols, frequencyText, goalStatusLabels } from '../../domain/goals.js';
import { regionList } from '../../domain/health-history-labels.js';
import { rangeText } from '../../domain/outcome-measures.js';
import type { GoalView } from '../../domain/outcome-views.js';
import { measureCharts, painGoalLines } from '../../domain/progress-measures.js';
import { inPeriod } from '../../domain/record-export.js';
import { localDate } from '../../domain/time.js';
import type { SignedNoteEntry } from '../../store/client-record.js';
import type { Db } from '../../store/database.js';
import { clientSessionOutcomes, factorLabels } from '../../store/effectiveness.js';
import { clientGoalsView, clientMeasuresView } from '../outcome-views.js';
import type {
  RecordEffectiveness,
  RecordGoal,
  RecordProgress,
} from '../pdf/record-pdf-progress.js';

interface ProgressRequest {
  practiceId: string;
  clientId: string;
  timeZone: string;
  now: Date;
  period: { from: string | null; to: string | null };
  names: { techniques: ReadonlyMap<string, string> };
}

const number = (value: number) => String(Math.round(value * 100) / 100);

/** "Improving: 4 → 7 since the goal was set (target ≥ 8)". */
function goalProgressLine(goal: GoalView): string {
  const { progress } = goal;
  const target = `target ${comparatorSymbols[goal.comparator]} ${number(goal.targetValue)}`;
  if (!progress.latest) return `${progressStateLabels[progress.state]} (${target})`;
  const from =
    progress.baseline && progress.change !== null ? `${number(progress.baseline.value)} → ` : '';
  return `${progressStateLabels[progress.state]}: ${from}${number(progress.latest.value)} on ${progress.latest.at.slice(0, 10)} (${target}, ${progress.scoreCount} score${progress.scoreCount === 1 ? '' : 's'})`;
}

/**
 * Goals with their progress, the current plan, and one chart per measure line (a PSFS
 * activity each), read from the same views the progress page draws, with dated points kept to
 * the period. Pain before and after come from the signed notes already read for the record.
 */
export async function recordProgress(
  db: Db,
  request: ProgressRequest,
  notes: readonly SignedNoteEntry[],
): Promise<RecordProgress> {
  const [goalsView, measuresView] = await Promise.all([
    clientGoalsView(db, { practiceId: request.practiceId, clientId: request.clientId }),
    clientMeasuresView(db, {
      practiceId: request.practiceId,
      clientId: request.clientId,
      timeZone: request.timeZone,
      now: request.now,
    }),
  ]);
  const dated = (instant: string) => localDate(new Date(instant), request.timeZone);
  const goals: RecordGoal[] = goalsView.goals.map((goal) => ({
    title: goal.statement,
    status: goalStatusLabels[goal.status],
    progress: goalProgressLine(goal),
    reEvaluateOn: goal.reEvaluationDate,
  }));
  const plan = goalsView.plan.plan;
  const planLines = plan
    ? [
        `From ${plan.startsOn}${frequencyText(plan) ? `: ${frequencyText(plan)}` : ''}`,
        plan.focusRegions.length ? `Focus: ${regionList(plan.focusRegions)}` : '',
        plan.techniques.length
          ? `Techniques: ${plan.techniques.map((code) => request.names.techniques.get(code) ?? code).join(', ')}`
          : '',
        plan.reEvaluationDate ? `Re-evaluate on ${plan.reEvaluationDate}` : '',
        plan.notes ?? '',
      ].filter(Boolean)
    : [];
  // A score taken at a session is dated by that session, as the progress page places it.
  const sessions = notes.map((note) => ({
    sessionId: note.session.id,
    startsAt: note.session.startsAt,
    serviceDate: note.session.serviceDate,
  }));
  const measures = measureCharts(measuresView, goalsView.goals, sessions).flatMap((chart) =>
    chart.lines.map((line) => ({
      title: `${chart.definition.name}${chart.perActivity ? ` — ${line.label}` : ''} (${rangeText(chart.definition)})`,
      min: chart.definition.min,
      max: chart.definition.max,
      caption: `${chart.definition.better === 'higher' ? 'Higher' : 'Lower'} is better; a change of ${number(chart.definition.minimalImportantChange)} or more is one the client would notice.`,
      points: line.points
        .map((point) => ({
          date: point.serviceDate ?? dated(point.recordedAt),
          value: point.value,
        }))
        .filter((point) => inPeriod(point.date, request.period)),
      targets: chart.goals
        .filter((goal) => goal.seriesKey === line.activityId)
        .map((goal) => ({ value: goal.value, label: goal.label })),
    })),
  );
  return {
    pain: notes.map((note) => ({
      date: note.session.serviceDate,
      before: note.content.subjective.painBefore,
      after: note.content.assessment.painAfter,
    })),
    painTargets: painGoalLines(goalsView.goals).map((goal) => ({
      value: goal.value,
      label: `${goal.label} (pain ${goal.seriesKey === 'before' ? 'before' : 'after'})`,
    })),
    measures,
    goals,
    plan: planLines,
  };
}

/**
 * What went with relief for this client, per technique, pressure and product, from the
 * sessions of the period: the same figures and plain-language statements as the chart's panel.
 */
export async function recordEffectiveness(
  db: Db,
  request: ProgressRequest & { minimumSessions: number },
): Promise<RecordEffectiveness> {
  const [outcomes, labels] = await Promise.all([
    clientSessionOutcomes(db, request.practiceId, request.clientId),
    factorLabels(db, request.practiceId),
  ]);
  const result = clientEffectiveness(
    request.clientId,
    outcomes.filter((outcome) => inPeriod(outcome.serviceDate, request.period)),
    { minimumSessions: request.minimumSessions, labels },
  );
  return {
    caveat: `From ${result.signedSessions} signed session${result.signedSessions === 1 ? '' : 's'}, ${result.sessionsWithPain} with pain recorded before and after. Figures go with relief; they do not prove a cause. Below ${result.minimumSessions} sessions nothing is claimed.`,
    rows: result.rows.map((row) => ({
      group: `${factorKindLabels[row.kind]}s`,
      label: row.label,
      sessions: row.sessions.count,
      summary: row.summary,
      statements: row.statements,
    })),
  };
}
