import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { consentKindLabels } from '../../../../domain/consent.js';
import type { ConsentSignatureView } from '../../../../domain/consent-views.js';
import { ApiProblem } from '../../../api/client.js';
import { consentKeys, withdrawConsent } from '../../../api/consents.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';

/** Records that the client withdrew a consent; the signature itself stays as it was. */
export function WithdrawConsentDialog({
  clientId,
  signature,
  onClose,
}: {
  clientId: string;
  signature: ConsentSignatureView;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const withdraw = useMutation({
    mutationFn: () => withdrawConsent(clientId, signature.id, reason),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: consentKeys.forClient(clientId) });
      onClose();
    },
  });
  const reasonError =
    (missing ? 'Give the reason for the withdrawal.' : undefined) ??
    (withdraw.error instanceof ApiProblem
      ? withdraw.error.errors.find((issue) => issue.field === 'reason')?.message
      : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(reason.trim() === '');
    if (reason.trim() !== '') withdraw.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={`Withdraw: ${consentKindLabels[signature.kind]}`}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            The signed consent stays in the record; from now on it no longer counts.
          </Text>
          {!reasonError && <ProblemAlert error={withdraw.error} />}
          <Textarea
            label="Reason"
            autosize
            minRows={2}
            maxLength={500}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={reasonError}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={withdraw.isPending}>
              Withdraw consent
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
