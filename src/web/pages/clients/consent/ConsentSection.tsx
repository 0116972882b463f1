import { Alert, Anchor, Badge, Button, Group, Paper, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  consentKindLabels,
  type ConsentKind,
  type ConsentState,
} from '../../../../domain/consent.js';
import type { ConsentSignatureView } from '../../../../domain/consent-views.js';
import { consentKeys, consentPdfUrl, fetchClientConsents } from '../../../api/consents.js';
import { LoadError, PageLoader } from '../../../components/PageStatus.js';
import { formatCalendarDate, formatDayOf } from '../../../format.js';
import { SignConsentDialog } from './SignConsentDialog.js';
import { WithdrawConsentDialog } from './WithdrawConsentDialog.js';
import './consent.css';

const stateBadges: Record<ConsentState, { label: string; color: string }> = {
  current: { label: 'Current', color: 'teal' },
  expired: { label: 'Expired', color: 'orange' },
  superseded: { label: 'Needs signing again', color: 'orange' },
  withdrawn: { label: 'Withdrawn', color: 'red' },
  missing: { label: 'Missing', color: 'gray' },
};

/** The client's consents on the chart: which are current, expired or missing, and signing them. */
export function ConsentSection({
  clientId,
  clientName,
  timeZone,
}: {
  clientId: string;
  clientName: string;
  timeZone: string;
}) {
  const consents = useQuery({
    queryKey: consentKeys.forClient(clientId),
    queryFn: ({ signal }) => fetchClientConsents(clientId, signal),
  });
  const [signing, setSigning] = useState<{
    kind: ConsentKind;
    signer: 'client' | 'guardian';
  } | null>(null);
  const [withdrawing, setWithdrawing] = useState<ConsentSignatureView | null>(null);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="client-consents">
      <Title order={2} size="h4" id="client-consents" mb="xs">
        Consent
      </Title>
      {consents.isPending && <PageLoader />}
      {consents.isError && (
        <LoadError error={consents.error} onRetry={() => void consents.refetch()} />
      )}
      {consents.data && (
        <>
          {consents.data.minor && (
            <Alert color="blue" mb="sm" title="Under 18">
              A parent or guardian signs every consent, including guardian consent for a minor.
            </Alert>
          )}
          {!consents.data.treatmentConsentCurrent && (
            <Alert color="orange" mb="sm" role="status">
              Treatment consent is not current: a note can be signed only with a reason.
            </Alert>
          )}
          <ul className="plain-list consent-list">
            {consents.data.entries.map((entry) => {
              // Guardian consent means nothing for an adult who never had one: "Missing" would
              // ask staff to collect it.
              if (entry.kind === 'guardian_for_minor' && !consents.data.minor && !entry.signature)
                return null;
              const badge = stateBadges[entry.state];
              const signature = entry.signature;
              const label = `${consentKindLabels[entry.kind]}${entry.party ? ` — ${entry.party}` : ''}`;
              return (
                <li key={`${entry.kind}-${entry.party ?? ''}`} data-kind={entry.kind}>
                  <Group justify="space-between" align="flex-start" gap="sm">
                    <div className="consent-summary">
                      <Group gap="xs">
                        <Text size="sm" fw={600}>
                          {label}
                        </Text>
                        <Badge color={badge.color} variant="light" className="consent-state">
                          {badge.label}
                        </Badge>
                      </Group>
                      {signature ? (
                        <Text size="sm">
                          Signed {formatDayOf(signature.signedAt, timeZone)} by{' '}
                          {signature.signerName}
                          {signature.signerRole === 'guardian'
                            ? ` (${signature.guardianRelationship ?? 'guardian'})`
                            : ''}
                          {' · '}
                          {entry.expiresOn
                            ? `${entry.state === 'expired' ? 'expired' : 'valid until'} ${formatCalendarDate(entry.expiresOn)}`
                            : 'does not expire'}
                        </Text>
                      ) : (
                        <Text size="sm" c="dimmed">
                          Not signed
                        </Text>
                      )}
                      {entry.required && (
                        <Text size="xs" c="dimmed">
                          Needed before treatment
                        </Text>
                      )}
                    </div>
                    <Group gap="xs">
                      {(entry.state !== 'current' || entry.kind === 'share_records') && (
                        <Button
                          size="compact-sm"
                          onClick={() =>
                            setSigning({ kind: entry.kind, signer: entry.signerMustBe })
                          }
                          aria-label={`Sign on this device: ${label}`}
                        >
                          Sign on this device
                        </Button>
                      )}
                      {signature && (
                        <Anchor
                          size="sm"
                          href={consentPdfUrl(clientId, signature.id)}
                          aria-label={`Download PDF of ${label}`}
                        >
                          PDF
                        </Anchor>
                      )}
                      {signature && !signature.withdrawal && (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          onClick={() => setWithdrawing(signature)}
                          aria-label={`Withdraw ${label}`}
                        >
                          Withdraw
                        </Button>
                      )}
                    </Group>
                  </Group>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {signing && (
        <SignConsentDialog
          clientId={clientId}
          clientName={clientName}
          kind={signing.kind}
          signer={signing.signer}
          onClose={() => setSigning(null)}
        />
      )}
      {withdrawing && (
        <WithdrawConsentDialog
          clientId={clientId}
          signature={withdrawing}
          onClose={() => setWithdrawing(null)}
        />
      )}
    </Paper>
  );
}
