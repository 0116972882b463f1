import { Text } from '@mantine/core';
import { bodyRegion } from '../../../domain/body-regions.js';
import { frequencyText } from '../../../domain/goals.js';
import { measureName, scheduleText } from '../../../domain/outcome-labels.js';
import type { MeasureView } from '../../../domain/outcome-measures.js';
import type { TreatmentPlanView } from '../../../domain/outcome-views.js';
import { nameOf } from '../../api/catalogue.js';
import { useCatalogue } from '../../api/useCatalogue.js';
import { formatCalendarDate } from '../../format.js';

/** The current plan in a few lines: rhythm, regions, techniques, re-evaluation, measures. */
export function PlanSummary({
  view,
  measures,
}: {
  view: TreatmentPlanView;
  measures: MeasureView[];
}) {
  const catalogue = useCatalogue();
  const plan = view.plan;
  if (!plan) {
    return (
      <Text size="sm" c="dimmed">
        No treatment plan yet.
      </Text>
    );
  }
  const rhythm = frequencyText(plan);
  return (
    <dl className="plan-summary">
      <dt>Sessions</dt>
      <dd>
        {rhythm || 'Not set'} · from {formatCalendarDate(plan.startsOn)}
      </dd>
      <dt>Focus</dt>
      <dd>
        {plan.focusRegions.length > 0
          ? plan.focusRegions.map((code) => bodyRegion(code)?.label ?? code).join(', ')
          : 'Not set'}
      </dd>
      <dt>Techniques</dt>
      <dd>
        {plan.techniques.length > 0
          ? plan.techniques.map((code) => nameOf(catalogue.data?.techniques, code)).join(', ')
          : 'Not set'}
      </dd>
      <dt>Re-evaluate</dt>
      <dd>{plan.reEvaluationDate ? formatCalendarDate(plan.reEvaluationDate) : 'Not set'}</dd>
      <dt>Measures</dt>
      <dd>
        {plan.measures.length > 0
          ? plan.measures
              .map((entry) => `${measureName(entry.measureId, measures)} (${scheduleText(entry)})`)
              .join('; ')
          : 'None scheduled'}
      </dd>
      {plan.notes && (
        <>
          <dt>Notes</dt>
          <dd>{plan.notes}</dd>
        </>
      )}
    </dl>
  );
}
