import {
  Anchor,
  Badge,
  Checkbox,
  Group,
  List,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { Link } from 'wouter';
import type {
  CsvDuplicate,
  CsvImportReport,
  CsvRowOutcome,
} from '../../../domain/client-list-import.js';
import { cellOf, toggled, withCell, type ClientListDraft } from './clientListDraft.js';

const reasonWords: Record<string, string> = {
  name_and_birth_date: 'same name and date of birth',
  phone: 'same phone',
};

function duplicateText(duplicate: CsvDuplicate) {
  const why = duplicate.reasons.map((reason) => reasonWords[reason]).join(' and ');
  if (duplicate.kind === 'line')
    return (
      <>
        {why} as line {duplicate.line}
      </>
    );
  return (
    <>
      {why} as{' '}
      <Anchor component={Link} href={`/clients/${encodeURIComponent(duplicate.clientId)}`}>
        {duplicate.name}
      </Anchor>
      , already a client
    </>
  );
}

const lineTitle = (row: CsvRowOutcome) => `Line ${row.line}${row.name ? ` — ${row.name}` : ''}`;

/**
 * The dry run, line by line: what will be created, each problem at its line and column with
 * the cell to correct, and possible duplicates held back unless the person keeps them.
 */
export function ClientListReview({
  report,
  draft,
  emptyLines,
  onDraft,
}: {
  report: CsvImportReport;
  draft: ClientListDraft;
  emptyLines: number[];
  onDraft: (draft: ClientListDraft) => void;
}) {
  const invalid = report.rows.filter((row) => row.outcome === 'invalid');
  const held = report.rows.filter(
    (row) =>
      row.duplicates.length > 0 &&
      (row.outcome === 'duplicate' || draft.importDuplicates.includes(row.line)),
  );
  const ready = report.rows.filter((row) => row.outcome === 'create');
  const counts = report.counts;

  return (
    <Stack gap="md">
      <Group gap="xs" role="status" aria-label="Result of the check">
        <Badge color="teal" variant="light">
          {counts.create} ready to import
        </Badge>
        {counts.invalid > 0 && (
          <Badge color="red" variant="light">
            {counts.invalid} with problems
          </Badge>
        )}
        {counts.duplicate > 0 && (
          <Badge color="orange" variant="light">
            {counts.duplicate} possible {counts.duplicate === 1 ? 'duplicate' : 'duplicates'} held
            back
          </Badge>
        )}
        {counts.skipped > 0 && <Badge variant="light">{counts.skipped} left out</Badge>}
        {counts.empty + emptyLines.length > 0 && (
          <Badge color="gray" variant="light">
            {counts.empty + emptyLines.length} empty lines skipped
          </Badge>
        )}
      </Group>

      {invalid.length > 0 && (
        <section aria-labelledby="client-list-problems">
          <Title order={3} size="h5" id="client-list-problems" mb="xs">
            Lines with problems
          </Title>
          <Text size="sm" mb="sm">
            Nothing is imported while a line has a problem. Correct the value here (or in the file,
            and upload it again), or leave the line out.
          </Text>
          <Stack gap="sm">
            {invalid.map((row) => (
              <Paper key={row.line} withBorder p="sm">
                <Text fw={600} size="sm" mb={4}>
                  {lineTitle(row)}
                </Text>
                <Stack gap="xs">
                  {row.issues.map((issue) =>
                    issue.column ? (
                      <TextInput
                        key={`${issue.column}-${issue.message}`}
                        label={`Line ${row.line}, ${issue.column}`}
                        value={cellOf(draft, row.line, issue.column)}
                        error={issue.message}
                        disabled={draft.skipLines.includes(row.line)}
                        onChange={(event) =>
                          onDraft(
                            withCell(draft, row.line, issue.column!, event.currentTarget.value),
                          )
                        }
                      />
                    ) : (
                      <Text key={issue.message} size="sm" c="red.8">
                        {issue.message}
                      </Text>
                    ),
                  )}
                  <Checkbox
                    label={`Leave line ${row.line} out`}
                    checked={draft.skipLines.includes(row.line)}
                    onChange={(event) =>
                      onDraft({
                        ...draft,
                        skipLines: toggled(draft.skipLines, row.line, event.currentTarget.checked),
                      })
                    }
                  />
                </Stack>
              </Paper>
            ))}
          </Stack>
        </section>
      )}

      {held.length > 0 && (
        <section aria-labelledby="client-list-duplicates">
          <Title order={3} size="h5" id="client-list-duplicates" mb="xs">
            Possible duplicates
          </Title>
          <Stack gap="xs">
            {held.map((row) => (
              <Paper key={row.line} withBorder p="sm">
                <Text size="sm">
                  {lineTitle(row)}:{' '}
                  {row.duplicates.map((duplicate, index) => (
                    <span key={index}>
                      {index > 0 && '; '}
                      {duplicateText(duplicate)}
                    </span>
                  ))}
                  .
                </Text>
                <Checkbox
                  mt={4}
                  label={`Import line ${row.line} anyway`}
                  checked={draft.importDuplicates.includes(row.line)}
                  onChange={(event) =>
                    onDraft({
                      ...draft,
                      importDuplicates: toggled(
                        draft.importDuplicates,
                        row.line,
                        event.currentTarget.checked,
                      ),
                    })
                  }
                />
              </Paper>
            ))}
          </Stack>
        </section>
      )}

      {ready.length > 0 && (
        <section aria-labelledby="client-list-ready">
          <Title order={3} size="h5" id="client-list-ready" mb="xs">
            Ready to import
          </Title>
          <List size="sm">
            {ready.slice(0, 50).map((row) => (
              <List.Item key={row.line}>{lineTitle(row)}</List.Item>
            ))}
          </List>
          {ready.length > 50 && (
            <Text size="sm" c="dimmed" mt={4}>
              and {ready.length - 50} more.
            </Text>
          )}
        </section>
      )}
    </Stack>
  );
}
