import { Box, Button, CopyButton, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreatedFollowUpLink } from '../../../domain/follow-up-views.js';
import { createFollowUpLink, followUpKeys } from '../../api/followUps.js';
import { intakeKeys } from '../../api/intake.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { formatInstant } from '../../format.js';

/** The link just made: its QR code to scan at the desk and its URL to copy into a message. */
function CreatedLink({ created, timeZone }: { created: CreatedFollowUpLink; timeZone: string }) {
  return (
    <Stack gap="sm" align="flex-start">
      <Box
        w={180}
        h={180}
        role="img"
        aria-label="QR code of the follow-up link"
        // The SVG is made by our server from the link's URL; it holds no script.
        dangerouslySetInnerHTML={{ __html: created.qrSvg }}
      />
      <TextInput label="Follow-up link" value={created.url} readOnly size="md" w="100%" />
      <CopyButton value={created.url}>
        {({ copied, copy }) => (
          <Button onClick={copy} variant={copied ? 'light' : 'filled'}>
            {copied ? 'Copied' : 'Copy link'}
          </Button>
        )}
      </CopyButton>
      <Text size="sm">
        Works once, until {formatInstant(created.link.expiresAt, timeZone)}. It is shown only now:
        send it to the client (a text message or email a day after the session works well) or let
        them scan the code.
      </Text>
    </Stack>
  );
}

/**
 * A button that makes a follow-up link for one session and shows it in a dialog. Refusals
 * (the session was cancelled, already has a follow-up) are shown beside the button.
 */
export function SendFollowUpLink({
  clientId,
  sessionId,
  timeZone,
  label = 'Send follow-up link',
  accessibleLabel,
  compact = false,
}: {
  clientId: string;
  sessionId: string;
  timeZone: string;
  label?: string;
  /** The button's full name where a list holds several, e.g. naming the client. */
  accessibleLabel?: string;
  compact?: boolean;
}) {
  const queryClient = useQueryClient();
  const send = useMutation({
    mutationFn: () => createFollowUpLink(clientId, sessionId),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: followUpKeys.all });
      void queryClient.invalidateQueries({ queryKey: intakeKeys.links(clientId) });
    },
  });
  return (
    <>
      <Button
        variant={compact ? 'default' : 'filled'}
        size={compact ? 'compact-sm' : 'sm'}
        loading={send.isPending}
        onClick={() => send.mutate()}
        aria-label={accessibleLabel}
      >
        {label}
      </Button>
      {send.isError && <ProblemAlert error={send.error} title="No link was made" />}
      <Modal opened={send.isSuccess} onClose={() => send.reset()} title="Follow-up link" centered>
        {send.data && <CreatedLink created={send.data} timeZone={timeZone} />}
      </Modal>
    </>
  );
}
