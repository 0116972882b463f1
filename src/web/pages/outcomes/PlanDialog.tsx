import {
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { bodyRegions } from '../../../domain/body-regions.js';
import type { FrequencyPeriod, TreatmentPlan } from '../../../domain/goals.js';
import type { MeasureSchedule } from '../../../domain/measure-schedule.js';
import { currentDefinition, type MeasureView } from '../../../domain/outcome-measures.js';
import type { TreatmentPlanView } from '../../../domain/outcome-views.js';
import { ApiProblem } from '../../api/client.js';
import { outcomeKeys, saveTreatmentPlan } from '../../api/outcomes.js';
import { useCatalogue } from '../../api/useCatalogue.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { todayIn } from '../../format.js';

const regionChoices = bodyRegions.map((region) => ({ value: region.code, label: region.label }));
const periodChoices: Array<{ value: FrequencyPeriod; label: string }> = [
  { value: 'week', label: 'a week' },
  { value: 'two_weeks', label: 'every two weeks' },
  { value: 'month', label: 'a month' },
];
const shownFields = [
  'startsOn',
  'frequency.sessions',
  'sessionsPlanned',
  'reEvaluationDate',
  'notes',
];

/** Which measures are taken when, one row per measure in use; an empty row is not scheduled. */
function ScheduleTable({
  measures,
  schedule,
  onChange,
}: {
  measures: MeasureView[];
  schedule: Record<string, MeasureSchedule>;
  onChange: (measureId: string, patch: Partial<MeasureSchedule>) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table verticalSpacing={4} aria-label="When measures are taken">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Measure</Table.Th>
            <Table.Th>At intake</Table.Th>
            <Table.Th>Every N sessions</Table.Th>
            <Table.Th>At discharge</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {measures.map((measure) => {
            const name = currentDefinition(measure).name;
            const row = schedule[measure.id];
            return (
              <Table.Tr key={measure.id}>
                <Table.Td>{name}</Table.Td>
                <Table.Td>
                  <Checkbox
                    aria-label={`${name} at intake`}
                    checked={row?.atIntake ?? false}
                    onChange={(event) =>
                      onChange(measure.id, { atIntake: event.currentTarget.checked })
                    }
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`${name} every how many sessions`}
                    min={1}
                    max={52}
                    w={90}
                    allowDecimal={false}
                    value={row?.everySessions ?? ''}
                    onChange={(value) =>
                      onChange(measure.id, {
                        everySessions: typeof value === 'number' ? value : null,
                      })
                    }
                  />
                </Table.Td>
                <Table.Td>
                  <Checkbox
                    aria-label={`${name} at discharge`}
                    checked={row?.atDischarge ?? false}
                    onChange={(event) =>
                      onChange(measure.id, { atDischarge: event.currentTarget.checked })
                    }
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * The treatment plan: how often and how many sessions, where, with which techniques, when to
 * re-evaluate, and which measures are taken when. Saved as a new version over the one shown.
 */
export function PlanDialog({
  clientId,
  current,
  measures,
  timeZone,
  onClose,
}: {
  clientId: string;
  current: TreatmentPlanView;
  measures: MeasureView[];
  timeZone: string;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const catalogue = useCatalogue();
  const plan = current.plan;
  const [startsOn, setStartsOn] = useState(plan?.startsOn ?? todayIn(timeZone));
  const [sessions, setSessions] = useState<number | ''>(plan?.frequency?.sessions ?? '');
  const [per, setPer] = useState<FrequencyPeriod>(plan?.frequency?.per ?? 'week');
  const [sessionsPlanned, setSessionsPlanned] = useState<number | ''>(plan?.sessionsPlanned ?? '');
  const [focusRegions, setFocusRegions] = useState(plan?.focusRegions ?? []);
  const [techniques, setTechniques] = useState(plan?.techniques ?? []);
  const [reEvaluationDate, setReEvaluationDate] = useState(plan?.reEvaluationDate ?? '');
  const [notes, setNotes] = useState(plan?.notes ?? '');
  const [schedule, setSchedule] = useState<Record<string, MeasureSchedule>>(
    Object.fromEntries((plan?.measures ?? []).map((entry) => [entry.measureId, entry])),
  );
  const scheduled = new Set(Object.keys(schedule));
  const rows = measures.filter(
    (measure) => measure.retiredAt === null || scheduled.has(measure.id),
  );
  const techniqueChoices = (catalogue.data?.techniques ?? [])
    .filter((entry) => entry.retiredAt === null || techniques.includes(entry.code))
    .map((entry) => ({ value: entry.code, label: entry.name }));

  const body: TreatmentPlan = {
    startsOn,
    frequency: sessions === '' ? null : { sessions, per },
    sessionsPlanned: sessionsPlanned === '' ? null : sessionsPlanned,
    focusRegions,
    techniques,
    reEvaluationDate: reEvaluationDate || null,
    notes: notes.trim() || null,
    measures: Object.values(schedule).filter(
      (entry) => entry.atIntake || entry.everySessions !== null || entry.atDischarge,
    ),
  };
  const save = useMutation({
    mutationFn: () => saveTreatmentPlan(clientId, body, current.number),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: outcomeKeys.client(clientId) });
      onClose();
    },
  });
  const errors = new Map(
    save.error instanceof ApiProblem
      ? save.error.errors.map((issue) => [issue.field, issue.message])
      : [],
  );
  const unplaced = [...errors.keys()].filter((field) => !shownFields.includes(field));
  const changeSchedule = (measureId: string, patch: Partial<MeasureSchedule>) =>
    setSchedule((currentSchedule) => ({
      ...currentSchedule,
      [measureId]: {
        measureId,
        atIntake: false,
        everySessions: null,
        atDischarge: false,
        ...currentSchedule[measureId],
        ...patch,
      },
    }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <Modal opened onClose={onClose} title="Treatment plan" size="xl">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ProblemAlert
            error={save.error}
            title="Not saved"
            unplacedFields={unplaced.map((field) => ({ field, message: errors.get(field)! }))}
          />
          <Group grow align="flex-start">
            <NumberInput
              label="Sessions"
              min={1}
              max={7}
              allowDecimal={false}
              value={sessions}
              onChange={(value) => setSessions(typeof value === 'number' ? value : '')}
              error={errors.get('frequency.sessions')}
              data-autofocus
            />
            <Select
              label="How often"
              data={periodChoices}
              value={per}
              onChange={(value) => value && setPer(value as FrequencyPeriod)}
              allowDeselect={false}
            />
            <NumberInput
              label="Sessions in all"
              min={1}
              max={100}
              allowDecimal={false}
              value={sessionsPlanned}
              onChange={(value) => setSessionsPlanned(typeof value === 'number' ? value : '')}
              error={errors.get('sessionsPlanned')}
            />
          </Group>
          <MultiSelect
            label="Focus regions"
            data={regionChoices}
            value={focusRegions}
            onChange={setFocusRegions}
            searchable
            maxValues={63}
          />
          <MultiSelect
            label="Techniques"
            data={techniqueChoices}
            value={techniques}
            onChange={setTechniques}
            searchable
            maxValues={20}
          />
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label="Plan starts"
              description="Sessions count toward the plan from this day."
              value={startsOn}
              onChange={(event) => setStartsOn(event.currentTarget.value)}
              error={errors.get('startsOn')}
            />
            <TextInput
              type="date"
              label="Re-evaluate on"
              value={reEvaluationDate}
              onChange={(event) => setReEvaluationDate(event.currentTarget.value)}
              error={errors.get('reEvaluationDate')}
            />
          </Group>
          <Textarea
            label="Notes (optional)"
            autosize
            minRows={2}
            maxLength={1000}
            value={notes}
            onChange={(event) => setNotes(event.currentTarget.value)}
            error={errors.get('notes')}
          />
          <Text size="sm" fw={500}>
            Outcome measures
          </Text>
          <Text size="xs" c="dimmed">
            At intake: until a first score. Every N sessions: N sessions after the last score. At
            discharge: at the last of the sessions counted above.
          </Text>
          <ScheduleTable measures={rows} schedule={schedule} onChange={changeSchedule} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save plan
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
