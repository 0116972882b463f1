import { Textarea, TextInput } from '@mantine/core';
import type { NoteContent } from '../../../../domain/notes.js';
import { ChoiceGroup } from '../../../components/ChoiceGroup.js';
import { NoteSection } from './NoteSection.js';
import { scoreValue, zeroToTen } from './scoreChoices.js';

type Assessment = NoteContent['assessment'];
type Plan = NoteContent['plan'];

export function AssessmentSection({
  assessment,
  painBefore,
  onChange,
}: {
  assessment: Assessment;
  painBefore: number | null;
  onChange: (patch: Partial<Assessment>) => void;
}) {
  return (
    <NoteSection id="note-assessment" title="Assessment">
      <Textarea
        label="Response to treatment"
        autosize
        minRows={2}
        maxLength={10_000}
        value={assessment.responseToTreatment}
        onChange={(event) => onChange({ responseToTreatment: event.currentTarget.value })}
      />
      <ChoiceGroup
        legend="Pain after the session (0–10)"
        description={
          painBefore === null
            ? 'As the client rates it now.'
            : `As the client rates it now. Before the session: ${painBefore}.`
        }
        choices={zeroToTen}
        columns={11}
        value={scoreValue(assessment.painAfter)}
        onChange={(score) => onChange({ painAfter: Number(score) })}
        onClear={() => onChange({ painAfter: null })}
        clearLabel="Clear pain after"
      />
      <Textarea
        label="Tissue changes"
        autosize
        minRows={2}
        maxLength={10_000}
        value={assessment.tissueChanges}
        onChange={(event) => onChange({ tissueChanges: event.currentTarget.value })}
      />
    </NoteSection>
  );
}

export function PlanSection({
  plan,
  onChange,
}: {
  plan: Plan;
  onChange: (patch: Partial<Plan>) => void;
}) {
  return (
    <NoteSection id="note-plan" title="Plan">
      <TextInput
        label="Frequency"
        description="For example: weekly for four weeks, then review."
        maxLength={10_000}
        value={plan.frequency}
        onChange={(event) => onChange({ frequency: event.currentTarget.value })}
      />
      <Textarea
        label="Home care"
        description="Stretches, exercises, heat or ice, advice given."
        autosize
        minRows={2}
        maxLength={10_000}
        value={plan.homeCare}
        onChange={(event) => onChange({ homeCare: event.currentTarget.value })}
      />
      <Textarea
        label="Focus next time"
        autosize
        minRows={2}
        maxLength={10_000}
        value={plan.focusNextTime}
        onChange={(event) => onChange({ focusNextTime: event.currentTarget.value })}
      />
    </NoteSection>
  );
}
