import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { disclosureBasis } from '../../../../domain/disclosure.js';
import { recordSectionLabels, recordSections } from '../../../../domain/record-export.js';
import { consentKeys, fetchClientConsents } from '../../../api/consents.js';
import { downloadRecordPdf } from '../../../api/recordExport.js';
import { ChoiceGroup } from '../../../components/ChoiceGroup.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { focusFirstError, placeFieldErrors } from '../../../forms/fieldErrors.js';
import type { FieldIssue } from '../../../../domain/errors.js';
import { readRecordRequest, useExportForm, type ExportFormValues } from './exportFormValues.js';

/**
 * "Export record": the client's record as one PDF, with the sections and period chosen, for
 * the practice's own files or for someone outside it. Sending it outside needs the client's
 * consent to share records with that party, or the legal reason written down; the server
 * decides and logs it as a disclosure, and its answer lands next to the reason field.
 */
export function ExportRecordDialog({
  clientId,
  clientName,
  onClose,
}: {
  clientId: string;
  clientName: string;
  onClose: () => void;
}) {
  const form = useExportForm();
  const [unplaced, setUnplaced] = useState<FieldIssue[]>([]);
  const consents = useQuery({
    queryKey: consentKeys.forClient(clientId),
    queryFn: ({ signal }) => fetchClientConsents(clientId, signal),
  });
  const download = useMutation({
    mutationFn: (values: ExportFormValues) =>
      downloadRecordPdf(clientId, readRecordRequest(values)),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: `The record of ${clientName} was downloaded.` });
      onClose();
    },
    onError: (error) => setUnplaced(placeFieldErrors(form, error)),
  });

  const recipient = form.values.recipient;
  const outside = recipient.kind === 'external';
  const sharingParties =
    consents.data?.entries
      .filter((entry) => entry.kind === 'share_records' && entry.state === 'current' && entry.party)
      .map((entry) => entry.party!) ?? [];
  const covered =
    outside && recipient.name.trim() && consents.data
      ? disclosureBasis(consents.data.entries, {
          kind: 'external',
          name: recipient.name,
          organisation: recipient.organisation || null,
          legalReason: null,
        })
      : null;

  return (
    <Modal opened onClose={onClose} title={`Export the record of ${clientName}`} size="lg">
      <form
        noValidate
        onSubmit={form.onSubmit((values) => download.mutate(values), focusFirstError(form))}
      >
        <Stack gap="md">
          {download.error && !form.errors['recipient.legalReason'] && (
            <ProblemAlert error={download.error} unplacedFields={unplaced} />
          )}
          <Checkbox.Group
            label="Sections"
            description="Private reflections are never part of the record."
            {...form.getInputProps('sections')}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
              {recordSections.map((section) => (
                <Checkbox key={section} value={section} label={recordSectionLabels[section]} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <div>
            <Text size="sm" fw={500}>
              Period
            </Text>
            <Text size="xs" c="dimmed" mb={4}>
              Sessions, changes, scores and follow-ups dated in it; leave empty for the whole
              record.
            </Text>
            <Group grow align="flex-start">
              <TextInput label="From" type="date" {...form.getInputProps('from')} />
              <TextInput label="To" type="date" {...form.getInputProps('to')} />
            </Group>
          </div>
          <ChoiceGroup
            legend="For whom"
            columns={2}
            choices={[
              { value: 'practice', label: 'The practice’s own records' },
              { value: 'external', label: 'Someone outside the practice' },
            ]}
            value={recipient.kind}
            onChange={(kind) =>
              form.setFieldValue('recipient.kind', kind === 'external' ? 'external' : 'practice')
            }
          />
          {outside && (
            <>
              <Text size="sm">
                {sharingParties.length > 0
                  ? `${clientName} consents to sharing records with: ${sharingParties.join('; ')}.`
                  : `${clientName} has no current consent to share records with anyone.`}
              </Text>
              <Group grow align="flex-start">
                <TextInput
                  label="Recipient’s name"
                  withAsterisk
                  maxLength={200}
                  {...form.getInputProps('recipient.name')}
                />
                <TextInput
                  label="Organisation"
                  maxLength={200}
                  {...form.getInputProps('recipient.organisation')}
                />
              </Group>
              {covered?.kind === 'consent' ? (
                <Alert color="teal" role="status">
                  Covered by the client’s consent to share records with {covered.party}.
                </Alert>
              ) : (
                <Textarea
                  label="Legal reason for disclosing without consent"
                  description="Needed when the client has not consented to sharing with this recipient, e.g. a court order or a duty to warn. It is kept in the audit trail."
                  autosize
                  minRows={2}
                  maxLength={1000}
                  {...form.getInputProps('recipient.legalReason')}
                />
              )}
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={download.isPending}>
              Download PDF
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
