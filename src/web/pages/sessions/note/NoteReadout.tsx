import { DataList, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { bodyRegion } from '../../../../domain/body-regions.js';
import { pressureLabels, type NoteContent } from '../../../../domain/notes.js';
import { nameOf } from '../../../api/catalogue.js';
import { useCatalogue } from '../../../api/useCatalogue.js';
import { LazyBodyChart } from '../../../components/body-chart/LazyBodyChart.js';
import { CarriedOver } from './CarriedOver.js';

const heatColdLabels = { none: 'None', heat: 'Heat', cold: 'Cold', contrast: 'Contrast' } as const;

function Field({ label, children }: { label: string; children: ReactNode }) {
  const empty = children === null || children === '' || children === undefined;
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue className="note-text">
        {empty ? (
          <Text span size="sm" c="dimmed">
            Not recorded
          </Text>
        ) : (
          children
        )}
      </DataList.ItemValue>
    </DataList.Item>
  );
}

const score = (value: number | null) => (value === null ? null : `${value} of 10`);

/** A note as it reads: for signed notes, other people's drafts and the other side of a conflict. */
export function NoteReadout({
  content,
  sessionMinutes,
  headingLevel = 2,
}: {
  content: NoteContent;
  sessionMinutes: number;
  headingLevel?: 2 | 3;
}) {
  const catalogue = useCatalogue();
  const { subjective, objective, treatment, assessment, plan } = content;
  // A note shown inside another (a conflict, a version) is not a set of page landmarks.
  const nested = headingLevel === 3;
  const section = (id: string, title: string, children: ReactNode) => (
    <Paper
      withBorder
      p="md"
      component={nested ? 'div' : 'section'}
      aria-labelledby={nested ? undefined : id}
      className="note-section"
    >
      <Title order={headingLevel} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
  const idPrefix = headingLevel === 2 ? 'readout' : 'readout-other';
  const productName = (id: string) =>
    catalogue.data?.products.find((product) => product.id === id)?.name ??
    'A product no longer listed';

  return (
    <Stack gap="md" className="note-readout">
      {content.carriedOver && (
        <CarriedOver plan={content.carriedOver} headingLevel={headingLevel} landmark={!nested} />
      )}
      {section(
        `${idPrefix}-subjective`,
        'Subjective',
        <DataList labelWidth="12rem">
          <Field label="Reason for visit">{subjective.reasonForVisit}</Field>
          <Field label="Symptoms">{subjective.symptoms}</Field>
          <Field label="Changes since last visit">{subjective.changesSinceLastVisit}</Field>
          <Field label="Pain before">{score(subjective.painBefore)}</Field>
          <Field label="Stress">{score(subjective.stress)}</Field>
          <Field label="Sleep quality">{score(subjective.sleepQuality)}</Field>
        </DataList>,
      )}
      {section(
        `${idPrefix}-objective`,
        'Objective',
        <Stack gap="md">
          <DataList labelWidth="12rem">
            <Field label="Posture">{objective.posture}</Field>
            <Field label="Palpation findings">{objective.palpation}</Field>
            <Field label="Range of motion">{objective.rangeOfMotion}</Field>
          </DataList>
          {objective.bodyChart.length > 0 ? (
            <LazyBodyChart marks={objective.bodyChart} />
          ) : (
            <Text size="sm">No marks on the body chart.</Text>
          )}
        </Stack>,
      )}
      {section(
        `${idPrefix}-treatment`,
        'Treatment',
        <Stack gap="md">
          {treatment.techniques.length === 0 ? (
            <Text size="sm">No techniques recorded.</Text>
          ) : (
            <Table.ScrollContainer minWidth={480}>
              <Table>
                <caption className="note-table-caption">
                  Techniques ({treatment.techniques.reduce((sum, use) => sum + use.minutes, 0)} of{' '}
                  {sessionMinutes} minutes)
                </caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Technique</Table.Th>
                    <Table.Th scope="col">Regions</Table.Th>
                    <Table.Th scope="col">Minutes</Table.Th>
                    <Table.Th scope="col">Pressure</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {treatment.techniques.map((use, index) => (
                    <Table.Tr key={`${use.technique}-${index}`}>
                      <Table.Td>{nameOf(catalogue.data?.techniques, use.technique)}</Table.Td>
                      <Table.Td>
                        {use.regions.map((code) => bodyRegion(code)?.label ?? code).join('; ') ||
                          '—'}
                      </Table.Td>
                      <Table.Td>{use.minutes}</Table.Td>
                      <Table.Td>
                        {use.pressure} {pressureLabels[use.pressure]}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <DataList labelWidth="12rem">
            <Field label="Products">
              {treatment.products.map((use) => productName(use.productId)).join('; ')}
            </Field>
            <Field label="Heat or cold">{heatColdLabels[treatment.heatCold]}</Field>
            <Field label="Tools">{treatment.tools.join('; ')}</Field>
            <Field label="Client’s response">{treatment.clientResponse}</Field>
          </DataList>
        </Stack>,
      )}
      {section(
        `${idPrefix}-assessment`,
        'Assessment',
        <DataList labelWidth="12rem">
          <Field label="Response to treatment">{assessment.responseToTreatment}</Field>
          <Field label="Pain after">{score(assessment.painAfter)}</Field>
          <Field label="Tissue changes">{assessment.tissueChanges}</Field>
        </DataList>,
      )}
      {section(
        `${idPrefix}-plan`,
        'Plan',
        <DataList labelWidth="12rem">
          <Field label="Frequency">{plan.frequency}</Field>
          <Field label="Home care">{plan.homeCare}</Field>
          <Field label="Focus next time">{plan.focusNextTime}</Field>
        </DataList>,
      )}
    </Stack>
  );
}
