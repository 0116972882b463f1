import { Textarea, Title } from '@mantine/core';
import type { NoteContent } from '../../../../domain/notes.js';
import { LazyBodyChart } from '../../../components/body-chart/LazyBodyChart.js';
import { NoteSection } from './NoteSection.js';

type Objective = NoteContent['objective'];

export function ObjectiveSection({
  objective,
  onChange,
}: {
  objective: Objective;
  onChange: (patch: Partial<Objective>) => void;
}) {
  return (
    <NoteSection id="note-objective" title="Objective">
      <Textarea
        label="Posture"
        autosize
        minRows={2}
        maxLength={10_000}
        value={objective.posture}
        onChange={(event) => onChange({ posture: event.currentTarget.value })}
      />
      <Textarea
        label="Palpation findings"
        autosize
        minRows={2}
        maxLength={10_000}
        value={objective.palpation}
        onChange={(event) => onChange({ palpation: event.currentTarget.value })}
      />
      <Textarea
        label="Range of motion"
        autosize
        minRows={2}
        maxLength={10_000}
        value={objective.rangeOfMotion}
        onChange={(event) => onChange({ rangeOfMotion: event.currentTarget.value })}
      />
      <Title order={3} size="h4">
        Body chart
      </Title>
      <LazyBodyChart
        marks={objective.bodyChart}
        onChange={(bodyChart) => onChange({ bodyChart })}
      />
    </NoteSection>
  );
}
