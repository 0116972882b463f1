import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { SafetyAlert } from '../../../domain/safety.js';
import { ApiProblem } from '../../api/client.js';
import { overrideSafetyAlerts, safetyKeys } from '../../api/safety.js';
import { ProblemAlert } from '../ProblemAlert.js';

/**
 * Asked before a session starts while the health history holds an absolute contraindication:
 * going ahead needs a reason for each alert, kept with the session and in the audit trail.
 */
export function OverrideDialog({
  sessionId,
  alerts,
  opened,
  onClose,
}: {
  sessionId: string;
  alerts: SafetyAlert[];
  opened: boolean;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const save = useMutation({
    mutationFn: () =>
      overrideSafetyAlerts(
        sessionId,
        alerts.map((alert) => ({ ruleId: alert.ruleId, reason: reasons[alert.ruleId] ?? '' })),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: safetyKeys.session(sessionId) });
    },
  });
  const serverIssue = (index: number) =>
    save.error instanceof ApiProblem
      ? save.error.errors.find((issue) => issue.field.startsWith(`overrides.${index}.`))?.message
      : undefined;
  const submit = () => {
    const empty = alerts.filter((alert) => !(reasons[alert.ruleId] ?? '').trim());
    setMissing(new Set(empty.map((alert) => alert.ruleId)));
    if (!empty.length) save.mutate();
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Safety check before this session"
      size="lg"
      closeButtonProps={{ 'aria-label': 'Not now' }}
    >
      <Stack gap="md">
        <Text>
          The health history records {alerts.length === 1 ? 'a reason' : 'reasons'} not to massage
          today. To go ahead, say for each why it is safe. Your reasons are kept with the session
          and in the audit trail.
        </Text>
        {save.error && !(save.error instanceof ApiProblem && save.error.errors.length) ? (
          <ProblemAlert error={save.error} />
        ) : null}
        {alerts.map((alert, index) => (
          <Stack key={alert.ruleId} gap={4} className="safety-alert" data-kind={alert.kind}>
            <Text fw={700}>{alert.title}</Text>
            <Text size="sm">{alert.message}</Text>
            <Text size="sm" c="dimmed">
              From the health history: {alert.because}
            </Text>
            <Textarea
              label={`Why it is safe to go ahead (${alert.title})`}
              autosize
              minRows={2}
              maxLength={500}
              value={reasons[alert.ruleId] ?? ''}
              error={
                missing.has(alert.ruleId) ? 'Say why it is safe to go ahead.' : serverIssue(index)
              }
              onChange={(event) => {
                const value = event.currentTarget.value;
                setReasons((previous) => ({ ...previous, [alert.ruleId]: value }));
              }}
            />
          </Stack>
        ))}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Not now
          </Button>
          <Button color="red" loading={save.isPending} onClick={submit}>
            Go ahead with {alerts.length === 1 ? 'this reason' : 'these reasons'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
