import { Box, Button, CopyButton, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CreatedMeasuresLink } from '../../../domain/outcome-views.js';
import { intakeKeys } from '../../api/intake.js';
import { sendMeasuresLink } from '../../api/outcomes.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { formatInstant } from '../../format.js';

/**
 * "Send measures link": a secure link for the client to fill the measures due on their phone.
 * The URL and QR code are shown once; the server keeps only the link's hash. Front desk may
 * send one; what the client answers is for clinicians.
 */
export function MeasuresLink({ clientId, timeZone }: { clientId: string; timeZone: string }) {
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<CreatedMeasuresLink | null>(null);
  const send = useMutation({
    mutationFn: () => sendMeasuresLink(clientId),
    onSuccess: (link) => {
      setCreated(link);
      void queryClient.invalidateQueries({ queryKey: intakeKeys.links(clientId) });
    },
  });
  return (
    <Stack gap="sm">
      <Group>
        <Button variant="default" onClick={() => send.mutate()} loading={send.isPending}>
          Send measures link
        </Button>
      </Group>
      {send.error && <ProblemAlert error={send.error} title="No link made" />}
      {created && (
        <Paper withBorder p="md" bg="gray.0">
          <Group align="flex-start" gap="lg" wrap="wrap">
            <Box
              w={160}
              h={160}
              role="img"
              aria-label="QR code of the measures link"
              // The SVG is made by our server from the link's URL; it holds no script.
              dangerouslySetInnerHTML={{ __html: created.qrSvg }}
            />
            <Stack gap="xs" style={{ flex: '1 1 240px' }}>
              <TextInput label="Measures link" value={created.url} readOnly />
              <CopyButton value={created.url}>
                {({ copied, copy }) => (
                  <Button onClick={copy} variant={copied ? 'light' : 'filled'} w="fit-content">
                    {copied ? 'Copied' : 'Copy link'}
                  </Button>
                )}
              </CopyButton>
              <Text size="sm">
                Asks for {created.measureIds.length} measure
                {created.measureIds.length === 1 ? '' : 's'}. Works once, until{' '}
                {formatInstant(created.link.expiresAt, timeZone)}; shown only now.
              </Text>
            </Stack>
          </Group>
        </Paper>
      )}
    </Stack>
  );
}
