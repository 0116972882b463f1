import { Textarea } from '@mantine/core';
import type { NoteContent } from '../../../../domain/notes.js';
import { ChoiceGroup } from '../../../components/ChoiceGroup.js';
import { NoteSection } from './NoteSection.js';
import { scoreValue, zeroToTen } from './scoreChoices.js';

type Subjective = NoteContent['subjective'];

export function SubjectiveSection({
  subjective,
  onChange,
}: {
  subjective: Subjective;
  onChange: (patch: Partial<Subjective>) => void;
}) {
  return (
    <NoteSection id="note-subjective" title="Subjective">
      <Textarea
        label="Reason for visit"
        autosize
        minRows={2}
        maxLength={10_000}
        value={subjective.reasonForVisit}
        onChange={(event) => onChange({ reasonForVisit: event.currentTarget.value })}
      />
      <Textarea
        label="Symptoms the client reports"
        autosize
        minRows={2}
        maxLength={10_000}
        value={subjective.symptoms}
        onChange={(event) => onChange({ symptoms: event.currentTarget.value })}
      />
      <Textarea
        label="Changes since the last visit"
        description="Health, medication, injuries, activity."
        autosize
        minRows={2}
        maxLength={10_000}
        value={subjective.changesSinceLastVisit}
        onChange={(event) => onChange({ changesSinceLastVisit: event.currentTarget.value })}
      />
      <ChoiceGroup
        legend="Pain before the session (0–10)"
        description="As the client rates it: 0 no pain, 10 the worst pain imaginable."
        choices={zeroToTen}
        columns={11}
        value={scoreValue(subjective.painBefore)}
        onChange={(score) => onChange({ painBefore: Number(score) })}
        onClear={() => onChange({ painBefore: null })}
        clearLabel="Clear pain before"
      />
      <ChoiceGroup
        legend="Stress (0–10, optional)"
        description="0 none, 10 extreme."
        choices={zeroToTen}
        columns={11}
        value={scoreValue(subjective.stress)}
        onChange={(score) => onChange({ stress: Number(score) })}
        onClear={() => onChange({ stress: null })}
        clearLabel="Clear stress"
      />
      <ChoiceGroup
        legend="Sleep quality (0–10, optional)"
        description="0 very poor, 10 very good."
        choices={zeroToTen}
        columns={11}
        value={scoreValue(subjective.sleepQuality)}
        onChange={(score) => onChange({ sleepQuality: Number(score) })}
        onClear={() => onChange({ sleepQuality: null })}
        clearLabel="Clear sleep quality"
      />
    </NoteSection>
  );
}
