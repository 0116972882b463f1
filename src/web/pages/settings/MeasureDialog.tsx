import { Button, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  currentDefinition,
  type Better,
  type MeasureInput,
  type MeasureView,
  type ReportedBy,
} from '../../../domain/outcome-measures.js';
import { ApiProblem } from '../../api/client.js';
import { createMeasure, outcomeKeys, updateMeasure } from '../../api/outcomes.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';

const numberOrNaN = (value: number | '') => (value === '' ? Number.NaN : value);
const placed = [
  'definition.name',
  'definition.unit',
  'definition.min',
  'definition.max',
  'definition.minimalImportantChange',
  'definition.decimals',
  'definition.question',
];

/**
 * Defining or changing one of the practice's measures. Once scores exist, a change is saved
 * as the next version: scores already recorded keep the definition they were recorded with.
 */
export function MeasureDialog({
  measure,
  onClose,
}: {
  /** Null for a new measure. */
  measure: MeasureView | null;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const current = measure ? currentDefinition(measure) : null;
  const [name, setName] = useState(current?.name ?? '');
  const [unit, setUnit] = useState(current?.unit ?? '');
  const [min, setMin] = useState<number | ''>(current?.min ?? 0);
  const [max, setMax] = useState<number | ''>(current?.max ?? 10);
  const [better, setBetter] = useState<Better>(current?.better ?? 'higher');
  const [mic, setMic] = useState<number | ''>(current?.minimalImportantChange ?? '');
  const [decimals, setDecimals] = useState(String(current?.decimals ?? 0));
  const [question, setQuestion] = useState(current?.question ?? '');
  const [reportedBy, setReportedBy] = useState<ReportedBy>(measure?.reportedBy ?? 'client');
  const input: MeasureInput = {
    definition: {
      name,
      unit: unit.trim() || null,
      min: numberOrNaN(min),
      max: numberOrNaN(max),
      better,
      minimalImportantChange: numberOrNaN(mic),
      decimals: Number(decimals),
      question: question.trim() || null,
    },
    reportedBy,
  };
  const save = useMutation({
    mutationFn: () =>
      measure ? updateMeasure(measure.id, input, measure.version) : createMeasure(input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: outcomeKeys.definitions });
      onClose();
    },
  });
  const errors = new Map(
    save.error instanceof ApiProblem
      ? save.error.errors.map((issue) => [issue.field, issue.message])
      : [],
  );
  const error = (field: string) => errors.get(`definition.${field}`);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={measure ? 'Change the measure' : 'New measure'}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {measure && (
            <Text size="sm">
              Scores already recorded keep the definition they were recorded with: once there are
              scores, a change becomes version {measure.currentNumber + 1}.
            </Text>
          )}
          <ProblemAlert
            error={save.error}
            title="Not saved"
            unplacedFields={[...errors.keys()]
              .filter((field) => !placed.includes(field))
              .map((field) => ({ field, message: errors.get(field)! }))}
          />
          <TextInput
            label="Name"
            description="e.g. Headache days, Cervical rotation, Sleep quality"
            maxLength={80}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={error('name')}
            data-autofocus
          />
          <TextInput
            label="Unit (optional)"
            description="e.g. days a week, degrees"
            maxLength={30}
            value={unit}
            onChange={(event) => setUnit(event.currentTarget.value)}
            error={error('unit')}
          />
          <Group grow align="flex-start">
            <NumberInput
              label="Lowest score"
              value={min}
              onChange={(value) => setMin(typeof value === 'number' ? value : '')}
              error={error('min')}
            />
            <NumberInput
              label="Highest score"
              value={max}
              onChange={(value) => setMax(typeof value === 'number' ? value : '')}
              error={error('max')}
            />
            <Select
              label="Decimal places"
              data={['0', '1', '2']}
              value={decimals}
              onChange={(value) => value && setDecimals(value)}
              allowDeselect={false}
            />
          </Group>
          <Group grow align="flex-start">
            <Select
              label="Better is"
              data={[
                { value: 'higher', label: 'Higher' },
                { value: 'lower', label: 'Lower' },
              ]}
              value={better}
              onChange={(value) => value && setBetter(value as Better)}
              allowDeselect={false}
            />
            <NumberInput
              label="Minimal important change"
              description="The smallest change a client notices."
              min={0}
              value={mic}
              onChange={(value) => setMic(typeof value === 'number' ? value : '')}
              error={error('minimalImportantChange')}
            />
          </Group>
          <TextInput
            label="Question for the client (optional)"
            description="What the client’s link asks, e.g. “On how many days last week did you have a headache?”"
            maxLength={300}
            value={question}
            onChange={(event) => setQuestion(event.currentTarget.value)}
            error={error('question')}
          />
          <Select
            label="Scored by"
            data={[
              { value: 'client', label: 'The client (also from their link)' },
              { value: 'staff', label: 'A clinician only (measured at the session)' },
            ]}
            value={reportedBy}
            onChange={(value) => value && setReportedBy(value as ReportedBy)}
            allowDeselect={false}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {measure ? 'Save measure' : 'Add measure'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
