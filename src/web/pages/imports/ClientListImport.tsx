import {
  Alert,
  Anchor,
  Button,
  FileInput,
  Group,
  List,
  Paper,
  Stepper,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import type {
  CsvDelimiter,
  CsvEncoding,
  CsvImportReport,
  CsvInspection,
} from '../../../domain/client-list-import.js';
import { ApiProblem } from '../../api/client.js';
import { clientKeys } from '../../api/clients.js';
import { checkClientList, importClientList, inspectClientList } from '../../api/imports.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ClientListColumns } from './ClientListColumns.js';
import { ClientListReview } from './ClientListReview.js';
import { draftOf, readyToImport, requestOf, type ClientListDraft } from './clientListDraft.js';

type Step = 'upload' | 'columns' | 'check' | 'done';
const steps: Step[] = ['upload', 'columns', 'check', 'done'];

/** Field problems a refused request lists, so none is swallowed. */
const fieldsOf = (error: unknown) => (error instanceof ApiProblem ? error.errors : []);

/**
 * A client list from other practice software, in four steps: upload the file, check how its
 * columns are read, check every line (a dry run: problems, duplicates), then import all of it
 * or nothing. Corrections made along the way stay in this page until the import.
 */
export function ClientListImport({ mayImportNotes }: { mayImportNotes: boolean }) {
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>('upload');
  const [file, setFile] = useState<File | null>(null);
  const [inspection, setInspection] = useState<CsvInspection | null>(null);
  const [draft, setDraft] = useState<ClientListDraft | null>(null);
  const [report, setReport] = useState<CsvImportReport | null>(null);
  /** Changed since the last check: the import waits for a new one. */
  const [changed, setChanged] = useState(false);

  const inspect = useMutation({
    mutationFn: (input: { file: File; encoding?: CsvEncoding; delimiter?: CsvDelimiter }) =>
      inspectClientList(input.file, input),
    onSuccess: (read) => {
      setInspection(read);
      setDraft(draftOf(read, mayImportNotes));
      setReport(null);
      setStep('columns');
    },
  });
  const check = useMutation({
    mutationFn: (current: ClientListDraft) => checkClientList(requestOf(current)),
    onSuccess: (checked) => {
      setReport(checked);
      setChanged(false);
      setStep('check');
    },
  });
  const run = useMutation({
    mutationFn: (current: ClientListDraft) => importClientList(requestOf(current)),
    onSuccess: async (imported) => {
      setReport(imported);
      setStep('done');
      await queryClient.invalidateQueries({ queryKey: clientKeys.all });
    },
  });

  const edit = (next: ClientListDraft) => {
    setDraft(next);
    setChanged(true);
  };
  const startOver = () => {
    setStep('upload');
    setFile(null);
    setInspection(null);
    setDraft(null);
    setReport(null);
    inspect.reset();
    check.reset();
    run.reset();
  };
  const created = report?.rows.filter((row) => row.clientId) ?? [];

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="client-list-import">
      <Title order={2} size="h4" id="client-list-import" mb="xs">
        Client list from other software
      </Title>
      <Text size="sm" mb="md">
        A CSV export of your clients (names, contact details, dates of birth). Nothing is saved
        until the last step, and then every client is imported, or none.
      </Text>
      <Stepper
        active={steps.indexOf(step)}
        onStepClick={(index) => {
          const target = steps[index]!;
          if (target === 'upload' || (target === 'columns' && inspection)) setStep(target);
        }}
        allowNextStepsSelect={false}
        size="sm"
      >
        <Stepper.Step label="Upload" description="The CSV file">
          <FileInput
            label="Client list (CSV file)"
            description="Any common encoding; commas, semicolons or tabs"
            accept=".csv,.txt,.tsv,text/csv,text/plain,text/tab-separated-values"
            value={file}
            clearable
            clearButtonProps={{ 'aria-label': 'Remove the chosen file' }}
            onChange={(chosen) => {
              setFile(chosen);
              if (chosen) inspect.mutate({ file: chosen });
            }}
            disabled={inspect.isPending}
          />
          {inspect.error && (
            <ProblemAlert
              error={inspect.error}
              title="This file cannot be read"
              unplacedFields={fieldsOf(inspect.error)}
            />
          )}
        </Stepper.Step>
        <Stepper.Step label="Columns" description="What each column holds">
          {inspection && draft && (
            <ClientListColumns
              inspection={inspection}
              draft={draft}
              mayImportNotes={mayImportNotes}
              onDraft={edit}
              onReread={(choices) => file && inspect.mutate({ file, ...choices })}
            />
          )}
          {check.error && (
            <ProblemAlert
              error={check.error}
              title="Check the columns"
              unplacedFields={fieldsOf(check.error)}
            />
          )}
          <Group mt="md">
            <Button variant="default" onClick={startOver}>
              Choose another file
            </Button>
            <Button loading={check.isPending} onClick={() => draft && check.mutate(draft)}>
              Check the list
            </Button>
          </Group>
        </Stepper.Step>
        <Stepper.Step label="Check" description="Every line, before anything is saved">
          {report && draft && inspection && (
            <ClientListReview
              report={report}
              draft={draft}
              emptyLines={inspection.emptyLines}
              onDraft={edit}
            />
          )}
          {(check.error ?? run.error) && (
            <ProblemAlert
              error={run.error ?? check.error}
              title="Nothing was imported"
              unplacedFields={fieldsOf(run.error ?? check.error)}
            />
          )}
          <Group mt="md">
            <Button variant="default" onClick={() => setStep('columns')}>
              Back to the columns
            </Button>
            {changed || !report || !readyToImport(report) ? (
              <Button loading={check.isPending} onClick={() => draft && check.mutate(draft)}>
                Check again
              </Button>
            ) : (
              <Button loading={run.isPending} onClick={() => draft && run.mutate(draft)}>
                Import {report.counts.create} {report.counts.create === 1 ? 'client' : 'clients'}
              </Button>
            )}
          </Group>
        </Stepper.Step>
        <Stepper.Completed>
          {report && (
            <>
              <Alert color="teal" title="Import finished" role="status" mb="sm">
                Imported {created.length} {created.length === 1 ? 'client' : 'clients'}
                {report.counts.withNotes > 0 &&
                  `, ${report.counts.withNotes} with notes in their health history`}
                .
                {report.counts.duplicate > 0 &&
                  ` ${report.counts.duplicate} possible ${report.counts.duplicate === 1 ? 'duplicate was' : 'duplicates were'} not imported.`}
              </Alert>
              <List size="sm">
                {created.slice(0, 20).map((row) => (
                  <List.Item key={row.line}>
                    <Anchor component={Link} href={`/clients/${encodeURIComponent(row.clientId!)}`}>
                      {row.name}
                    </Anchor>
                  </List.Item>
                ))}
              </List>
              <Group mt="md">
                <Button variant="default" onClick={startOver}>
                  Import another list
                </Button>
                <Button component={Link} href="/clients">
                  Go to clients
                </Button>
              </Group>
            </>
          )}
        </Stepper.Completed>
      </Stepper>
    </Paper>
  );
}
