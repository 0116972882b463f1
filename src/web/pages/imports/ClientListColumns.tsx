import { Alert, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import {
  CsvDelimiter,
  CsvEncoding,
  DateFormat,
  clientListFieldLabels,
  clientListFields,
  dateFormatLabels,
  delimiterLabels,
  encodingLabels,
  type ClientListField,
  type CsvInspection,
} from '../../../domain/client-list-import.js';
import type { ClientListDraft } from './clientListDraft.js';

/** How many lines of the file the preview shows. */
const previewLines = 5;

/**
 * The file as Palpate read it, and the choices that shape the import: encoding and delimiter
 * (changing one reads the file again), which field each column fills, and the date format.
 */
export function ClientListColumns({
  inspection,
  draft,
  mayImportNotes,
  onDraft,
  onReread,
}: {
  inspection: CsvInspection;
  draft: ClientListDraft;
  mayImportNotes: boolean;
  onDraft: (draft: ClientListDraft) => void;
  onReread: (choices: { encoding: CsvEncoding; delimiter: CsvDelimiter }) => void;
}) {
  const setField = (index: number, value: string) =>
    onDraft({
      ...draft,
      mapping: draft.mapping.map((field, at) =>
        at === index ? ((value || null) as ClientListField | null) : field,
      ),
    });
  const fieldChoices = [
    { value: '', label: '— Leave out —' },
    ...clientListFields.map((field) => ({
      value: field,
      label: clientListFieldLabels[field],
      disabled: field === 'notes' && !mayImportNotes,
    })),
  ];
  const mapped = draft.mapping
    .map((field, index) => ({ field, index }))
    .filter((column): column is { field: ClientListField; index: number } => column.field !== null);
  const droppedNotes = !mayImportNotes && inspection.mapping.includes('notes');

  return (
    <Stack gap="md">
      <Text size="sm">
        {inspection.rows.length} {inspection.rows.length === 1 ? 'client' : 'clients'} in the file.
        {inspection.emptyLines.length > 0 &&
          ` Empty lines left out: ${inspection.emptyLines.join(', ')}.`}
      </Text>
      {inspection.warnings.map((warning) => (
        <Alert key={warning} color="orange" role="status">
          {warning}
        </Alert>
      ))}
      <Group gap="md" align="flex-end">
        <NativeSelect
          label="Encoding"
          description={
            inspection.encodingConfidence === 'guess'
              ? 'A guess: check the accents below'
              : undefined
          }
          value={inspection.encoding}
          data={CsvEncoding.options.map((value) => ({ value, label: encodingLabels[value] }))}
          onChange={(event) =>
            onReread({
              encoding: event.currentTarget.value as CsvEncoding,
              delimiter: inspection.delimiter,
            })
          }
        />
        <NativeSelect
          label="Values separated by"
          value={inspection.delimiter}
          data={CsvDelimiter.options.map((value) => ({ value, label: delimiterLabels[value] }))}
          onChange={(event) =>
            onReread({
              encoding: inspection.encoding,
              delimiter: event.currentTarget.value as CsvDelimiter,
            })
          }
        />
        <NativeSelect
          label="Date format"
          value={draft.dateFormat}
          data={DateFormat.options.map((value) => ({ value, label: dateFormatLabels[value] }))}
          onChange={(event) =>
            onDraft({ ...draft, dateFormat: event.currentTarget.value as DateFormat })
          }
        />
      </Group>
      {inspection.dateFormatAmbiguous && (
        <Alert color="orange" title="Check the date format" role="status">
          The dates in this file read both day first and month first. Palpate guessed{' '}
          {dateFormatLabels[inspection.dateFormat].toLowerCase()}; choose the other if that is how
          your previous software wrote them.
        </Alert>
      )}
      {droppedNotes && (
        <Text size="sm" c="dimmed">
          The notes column is left out: notes go into health histories, which only the owner may
          import.
        </Text>
      )}

      <section aria-labelledby="client-list-columns">
        <Title order={3} size="h5" id="client-list-columns" mb="xs">
          Columns
        </Title>
        <Table.ScrollContainer minWidth={560}>
          <Table striped aria-labelledby="client-list-columns">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Column in the file</Table.Th>
                <Table.Th scope="col">First values</Table.Th>
                <Table.Th scope="col">Goes into</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {draft.headers.map((header, index) => (
                <Table.Tr key={`${index}-${header}`}>
                  <Table.Td>{header}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed" lineClamp={2}>
                      {inspection.rows
                        .slice(0, 3)
                        .map((row) => row.cells[index]?.trim())
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <NativeSelect
                      aria-label={`Field for the column “${header}”`}
                      value={draft.mapping[index] ?? ''}
                      data={fieldChoices}
                      onChange={(event) => setField(index, event.currentTarget.value)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </section>

      {mapped.length > 0 && (
        <section aria-labelledby="client-list-preview">
          <Title order={3} size="h5" id="client-list-preview" mb="xs">
            Preview of the first {Math.min(previewLines, draft.rows.length)} lines
          </Title>
          <Table.ScrollContainer minWidth={560}>
            <Table aria-labelledby="client-list-preview">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Line</Table.Th>
                  {mapped.map(({ field, index }) => (
                    <Table.Th scope="col" key={index}>
                      {clientListFieldLabels[field]}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {draft.rows.slice(0, previewLines).map((row) => (
                  <Table.Tr key={row.line}>
                    <Table.Td>{row.line}</Table.Td>
                    {mapped.map(({ index }) => (
                      <Table.Td key={index}>{row.cells[index]}</Table.Td>
                    ))}
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
