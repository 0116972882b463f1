import { Anchor, List, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'wouter';
import {
  patientMatchLabels,
  type FhirImportReport,
  type FhirPatientOutcome,
} from '../../../domain/fhir-import-report.js';
import { formatCalendarDate } from '../../format.js';

function counted(parts: Array<[number, string, string]>): string {
  const said = parts
    .filter(([count]) => count > 0)
    .map(([count, one, many]) => `${count} ${count === 1 ? one : many}`);
  return said.length ? said.join(', ') : 'nothing new';
}

function historyText(patient: FhirPatientOutcome): string {
  const added = patient.historyAdded;
  const text = counted([
    [added.conditions, 'condition', 'conditions'],
    [added.allergies, 'allergy', 'allergies'],
    [added.medications, 'medication', 'medications'],
    [added.surgeriesAndInjuries, 'surgery or injury', 'surgeries and injuries'],
    [added.goals, 'goal', 'goals'],
    [added.areasToAvoid, 'area to avoid', 'areas to avoid'],
    [added.pregnancy, 'pregnancy', 'pregnancies'],
  ]);
  return patient.historyAlreadyRecorded > 0
    ? `${text} (${patient.historyAlreadyRecorded} already recorded)`
    : text;
}

function recordsText(patient: FhirPatientOutcome): string {
  const added = patient.recordsAdded;
  const text = counted([
    [added.encounters, 'visit', 'visits'],
    [added.procedures, 'procedure', 'procedures'],
    [added.observations, 'observation', 'observations'],
    [added.documents, 'document', 'documents'],
  ]);
  return patient.alreadyImported > 0
    ? `${text} (${patient.alreadyImported} imported before)`
    : text;
}

function clientCell(patient: FhirPatientOutcome, dryRun: boolean) {
  const link = (text: string) =>
    patient.clientId ? (
      <Anchor component={Link} href={`/clients/${encodeURIComponent(patient.clientId)}`}>
        {text}
      </Anchor>
    ) : (
      text
    );
  if (patient.action === 'create') return link(dryRun ? 'New client' : 'Created');
  return (
    <>
      {link(patient.clientName ?? 'Existing client')}
      <Text span size="xs" c="dimmed" display="block">
        {patient.matchedBy ? patientMatchLabels[patient.matchedBy] : ''}
      </Text>
    </>
  );
}

/** What a FHIR import would do (a dry run) or did: per patient, and what is left out and why. */
export function FhirImportReportView({ report }: { report: FhirImportReport }) {
  const warnings = report.patients.flatMap((patient) =>
    patient.warnings.map((warning) => ({ ...warning, name: patient.name })),
  );
  return (
    <Stack gap="md">
      <Text size="sm">
        From <strong>{report.source}</strong>: a {report.bundleType} bundle of {report.entryCount}{' '}
        entries.
      </Text>
      <section aria-labelledby="fhir-import-patients">
        <Title order={3} size="h5" id="fhir-import-patients" mb="xs">
          Patients
        </Title>
        <Table.ScrollContainer minWidth={640}>
          <Table striped aria-labelledby="fhir-import-patients">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Patient</Table.Th>
                <Table.Th scope="col">Born</Table.Th>
                <Table.Th scope="col">Client in Palpate</Table.Th>
                <Table.Th scope="col">Health history</Table.Th>
                <Table.Th scope="col">History from other providers</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.patients.map((patient) => (
                <Table.Tr key={patient.entryIndex}>
                  <Table.Td>{patient.name}</Table.Td>
                  <Table.Td>
                    {patient.dateOfBirth ? formatCalendarDate(patient.dateOfBirth) : '—'}
                  </Table.Td>
                  <Table.Td>{clientCell(patient, report.dryRun)}</Table.Td>
                  <Table.Td>{historyText(patient)}</Table.Td>
                  <Table.Td>{recordsText(patient)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </section>
      {warnings.length > 0 && (
        <section aria-labelledby="fhir-import-warnings">
          <Title order={3} size="h5" id="fhir-import-warnings" mb="xs">
            Imported with a change
          </Title>
          <List size="sm">
            {warnings.map((warning) => (
              <List.Item key={`${warning.field}-${warning.message}`}>
                {warning.name} ({warning.field}): {warning.message}
              </List.Item>
            ))}
          </List>
        </section>
      )}
      {report.ignored.length > 0 && (
        <section aria-labelledby="fhir-import-ignored">
          <Title order={3} size="h5" id="fhir-import-ignored" mb="xs">
            Left out
          </Title>
          <Table.ScrollContainer minWidth={520}>
            <Table aria-labelledby="fhir-import-ignored">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Resource</Table.Th>
                  <Table.Th scope="col">Entries</Table.Th>
                  <Table.Th scope="col">Why</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.ignored.map((group) => (
                  <Table.Tr key={`${group.resourceType}-${group.reason}`}>
                    <Table.Td>{group.resourceType}</Table.Td>
                    <Table.Td>{group.count}</Table.Td>
                    <Table.Td>{group.reason}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </section>
      )}
    </Stack>
  );
}
