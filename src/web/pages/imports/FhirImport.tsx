import { Alert, Button, FileInput, Group, Paper, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FhirImportReport } from '../../../domain/fhir-import-report.js';
import { ApiProblem } from '../../api/client.js';
import { clientKeys } from '../../api/clients.js';
import { sendFhirBundle } from '../../api/imports.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { FhirImportReportView } from './FhirImportReportView.js';

const some = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function finishedLine(report: FhirImportReport): string {
  const { clientsCreated, clientsMatched, historyEntriesAdded, recordsAdded } = report.totals;
  return `${some(clientsCreated, 'client', 'clients')} created and ${clientsMatched} matched; ${some(historyEntriesAdded, 'health-history entry', 'health-history entries')} and ${some(recordsAdded, 'record', 'records')} from other providers added.`;
}

/**
 * Another system's record as a FHIR R4 Bundle: choosing the file runs a dry run, whose
 * report says who would be created or matched, what reaches each health history and what is
 * left out; the import then saves all of it, or nothing.
 */
export function FhirImport() {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<FhirImportReport | null>(null);
  const send = useMutation({
    mutationFn: (input: { file: File; dryRun: boolean }) =>
      sendFhirBundle(input.file, input.dryRun),
    onSuccess: async (answer) => {
      setReport(answer);
      if (!answer.dryRun) await queryClient.invalidateQueries({ queryKey: clientKeys.all });
    },
  });
  const choose = (chosen: File | null) => {
    setFile(chosen);
    setReport(null);
    send.reset();
    if (chosen) send.mutate({ file: chosen, dryRun: true });
  };
  const imported = report && !report.dryRun;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="fhir-import">
      <Title order={2} size="h4" id="fhir-import" mb="xs">
        Health records (FHIR R4)
      </Title>
      <Text size="sm" mb="md">
        A FHIR R4 Bundle from another clinic or system. Allergies, conditions and medications join
        each client’s health history; earlier visits, procedures and results are kept as history
        from other providers, apart from your own notes. Importing the same file again changes
        nothing.
      </Text>
      <FileInput
        label="FHIR bundle (JSON file)"
        accept=".json,application/json,application/fhir+json"
        value={file}
        clearable
        clearButtonProps={{ 'aria-label': 'Remove the chosen file' }}
        disabled={send.isPending}
        onChange={choose}
      />
      {send.error && (
        <ProblemAlert
          error={send.error}
          title={
            send.error instanceof ApiProblem && send.error.status === 413
              ? 'The file is too large'
              : 'This file cannot be imported'
          }
          unplacedFields={send.error instanceof ApiProblem ? send.error.errors : []}
        />
      )}
      {report && (
        <>
          {imported ? (
            <Alert color="teal" title="Import finished" role="status" my="md">
              {report.changesNothing
                ? 'Everything in this file was imported before; nothing changed.'
                : finishedLine(report)}
            </Alert>
          ) : (
            <Alert
              color={report.changesNothing ? 'gray' : 'blue'}
              title="Dry run: nothing is saved yet"
              role="status"
              my="md"
            >
              {report.changesNothing
                ? 'Everything in this file was imported before: importing it again would change nothing.'
                : 'Check what the import would do, then import.'}
            </Alert>
          )}
          <FhirImportReportView report={report} />
          {!imported && (
            <Group mt="md">
              <Button
                loading={send.isPending}
                disabled={report.changesNothing}
                onClick={() => file && send.mutate({ file, dryRun: false })}
              >
                Import{' '}
                {report.patients.length === 1
                  ? 'this patient'
                  : `these ${report.patients.length} patients`}
              </Button>
            </Group>
          )}
        </>
      )}
    </Paper>
  );
}
