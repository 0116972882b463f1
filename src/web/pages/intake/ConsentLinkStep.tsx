import { Alert, Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { ConsentLinkStep as Step } from '../../../domain/consent-link.js';
import { deadLinkMessage } from '../../../domain/intake-links.js';
import { ApiProblem } from '../../api/client.js';
import { signConsentThroughLink } from '../../api/intake.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { SignatureMethodFields } from '../clients/consent/SignatureMethodFields.js';
import '../clients/consent/consent.css';

const placedFields = [
  'signerName',
  'guardianRelationship',
  'signature',
  'signature.typedName',
  'signature.data',
];

/**
 * One consent on the client's link, before the intake form: the exact text, then the signer's
 * name and a typed name or a drawn signature. Once signed it shrinks to its title and "Signed".
 */
export function ConsentLinkStep({
  token,
  step,
  firstName,
  onSigned,
}: {
  token: string;
  step: Step;
  firstName: string;
  onSigned: () => void;
}) {
  const guardian = step.signer === 'guardian';
  const [signerName, setSignerName] = useState('');
  const [relationship, setRelationship] = useState('');
  const [method, setMethod] = useState<'typed' | 'drawn'>('typed');
  const [typedName, setTypedName] = useState('');
  const [drawing, setDrawing] = useState<string | null>(null);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const headingId = `consent-${step.consentKind}`;

  const sign = useMutation({
    mutationFn: () =>
      signConsentThroughLink(token, {
        kind: step.consentKind,
        textVersion: step.text.version,
        signerName,
        signerRole: step.signer,
        guardianRelationship: guardian ? relationship : null,
        sharedWith: null,
        signature:
          method === 'typed'
            ? { method: 'typed', typedName }
            : { method: 'drawn', format: 'png_data_url', data: drawing ?? '' },
      }),
    onSuccess: onSigned,
  });
  const problem = sign.error instanceof ApiProblem ? sign.error : null;
  const issues = problem?.errors ?? [];
  const fieldError = (field: string) =>
    missing[field] ?? issues.find((issue) => issue.field === field)?.message;

  if (step.done) {
    return (
      <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Title order={2} size="h4" id={headingId}>
            {step.text.title}
          </Title>
          <Badge color="teal" variant="light" className="consent-state">
            Signed
          </Badge>
        </Group>
      </Paper>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!signerName.trim()) problems['signerName'] = 'Enter your full name.';
    if (guardian && !relationship.trim())
      problems['guardianRelationship'] = `Say how you are related to ${firstName}.`;
    if (method === 'typed' && !typedName.trim())
      problems['signature.typedName'] = 'Type your name to sign.';
    if (method === 'drawn' && drawing === null)
      problems['signature.data'] = 'Draw your signature in the box.';
    setMissing(problems);
    if (Object.keys(problems).length === 0) sign.mutate();
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <form onSubmit={submit} noValidate className="consent-signing">
        <Stack gap="sm">
          <Title order={2} size="h3" id={headingId}>
            {step.text.title}
          </Title>
          <Text size="xs" c="dimmed">
            Version {step.text.version} · please read before signing
          </Text>
          <div className="consent-text" tabIndex={0} aria-label={`Text of ${step.text.title}`}>
            {step.text.body}
          </div>
          {problem?.status === 404 ? (
            <Alert color="red" title="Not signed" role="alert">
              {deadLinkMessage}
            </Alert>
          ) : (
            <ProblemAlert
              error={sign.error}
              unplacedFields={issues.filter((issue) => !placedFields.includes(issue.field))}
            />
          )}
          {guardian && (
            <Alert color="blue">
              {firstName} is under 18: a parent or legal guardian signs for them.
            </Alert>
          )}
          <TextInput
            label={guardian ? 'Your full name (parent or guardian)' : 'Your full name'}
            value={signerName}
            onChange={(event) => setSignerName(event.currentTarget.value)}
            error={fieldError('signerName')}
            maxLength={200}
            autoComplete="name"
            size="md"
          />
          {guardian && (
            <TextInput
              label={`Your relationship to ${firstName}`}
              description="e.g. mother, father, legal guardian"
              value={relationship}
              onChange={(event) => setRelationship(event.currentTarget.value)}
              error={fieldError('guardianRelationship')}
              maxLength={60}
              size="md"
            />
          )}
          <SignatureMethodFields
            method={method}
            onMethodChange={setMethod}
            typedName={typedName}
            onTypedNameChange={setTypedName}
            onDrawingChange={setDrawing}
            fieldError={fieldError}
            size="md"
          />
          <Button type="submit" size="lg" loading={sign.isPending}>
            Sign this consent
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
