import { Alert, Button, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { consentKindLabels, type ConsentKind } from '../../../../domain/consent.js';
import { ApiProblem } from '../../../api/client.js';
import { consentKeys, listConsentTexts, signConsent } from '../../../api/consents.js';
import { LoadError, PageLoader } from '../../../components/PageStatus.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { SignatureMethodFields } from './SignatureMethodFields.js';

const placedFields = [
  'signerName',
  'guardianRelationship',
  'sharedWith',
  'signature',
  'signature.typedName',
  'signature.data',
];

/**
 * The signing screen handed to the client (or, for a minor, their guardian) on the practice's
 * device: the exact text, then a typed name or a drawn signature.
 */
export function SignConsentDialog({
  clientId,
  clientName,
  kind,
  signer,
  onClose,
}: {
  clientId: string;
  clientName: string;
  kind: ConsentKind;
  signer: 'client' | 'guardian';
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const texts = useQuery({
    queryKey: consentKeys.texts,
    queryFn: ({ signal }) => listConsentTexts(signal),
  });
  const text = texts.data?.current.find((candidate) => candidate.kind === kind);
  const [signerName, setSignerName] = useState(signer === 'client' ? clientName : '');
  const [relationship, setRelationship] = useState('');
  const [sharedWith, setSharedWith] = useState('');
  const [method, setMethod] = useState<'typed' | 'drawn'>('typed');
  const [typedName, setTypedName] = useState('');
  const [drawing, setDrawing] = useState<string | null>(null);
  const [missing, setMissing] = useState<Record<string, string>>({});

  const sign = useMutation({
    mutationFn: () =>
      signConsent(clientId, {
        textId: text!.id,
        textVersion: text!.version,
        signerName,
        signerRole: signer,
        guardianRelationship: signer === 'guardian' ? relationship : null,
        sharedWith: kind === 'share_records' ? sharedWith : null,
        signature:
          method === 'typed'
            ? { method: 'typed', typedName }
            : { method: 'drawn', format: 'png_data_url', data: drawing ?? '' },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: consentKeys.forClient(clientId) });
      onClose();
    },
  });
  const issues = sign.error instanceof ApiProblem ? sign.error.errors : [];
  const fieldError = (field: string) =>
    missing[field] ?? issues.find((issue) => issue.field === field)?.message;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!signerName.trim()) problems['signerName'] = 'Enter the name of the person signing.';
    if (signer === 'guardian' && !relationship.trim())
      problems['guardianRelationship'] = 'Say how you are related to the client.';
    if (kind === 'share_records' && !sharedWith.trim())
      problems['sharedWith'] = 'Name the person or organisation.';
    if (method === 'typed' && !typedName.trim())
      problems['signature.typedName'] = 'Type your name to sign.';
    if (method === 'drawn' && drawing === null)
      problems['signature.data'] = 'Draw your signature in the box.';
    setMissing(problems);
    if (Object.keys(problems).length === 0) sign.mutate();
  };

  return (
    <Modal
      opened
      onClose={onClose}
      fullScreen
      title={`${consentKindLabels[kind]} — for ${clientName}`}
    >
      {texts.isPending && <PageLoader />}
      {texts.isError && <LoadError error={texts.error} onRetry={() => void texts.refetch()} />}
      {text && (
        <form onSubmit={submit} noValidate className="consent-signing">
          <Stack gap="sm" maw={760} mx="auto">
            <Title order={2} size="h3">
              {text.title}
            </Title>
            <Text size="xs" c="dimmed">
              Version {text.version}
            </Text>
            <div className="consent-text" tabIndex={0} aria-label="Consent text">
              {text.body}
            </div>
            <ProblemAlert
              error={sign.error}
              unplacedFields={issues.filter((issue) => !placedFields.includes(issue.field))}
            />
            {kind === 'share_records' && (
              <TextInput
                label="Records may be shared with"
                description="The person or organisation, e.g. “Dr. Amélie Côté, family physician”."
                value={sharedWith}
                onChange={(event) => setSharedWith(event.currentTarget.value)}
                error={fieldError('sharedWith')}
                maxLength={200}
              />
            )}
            {signer === 'guardian' && (
              <Alert color="blue">
                {clientName} is under 18 or this is guardian consent: a parent or legal guardian
                signs.
              </Alert>
            )}
            <Group grow align="flex-start">
              <TextInput
                label={signer === 'guardian' ? 'Guardian’s full name' : 'Your full name'}
                value={signerName}
                onChange={(event) => setSignerName(event.currentTarget.value)}
                error={fieldError('signerName')}
                maxLength={200}
                autoComplete="name"
              />
              {signer === 'guardian' && (
                <TextInput
                  label="Relationship to the client"
                  description="e.g. mother, father, legal guardian"
                  value={relationship}
                  onChange={(event) => setRelationship(event.currentTarget.value)}
                  error={fieldError('guardianRelationship')}
                  maxLength={60}
                />
              )}
            </Group>
            <SignatureMethodFields
              method={method}
              onMethodChange={setMethod}
              typedName={typedName}
              onTypedNameChange={setTypedName}
              onDrawingChange={setDrawing}
              fieldError={fieldError}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={sign.isPending}>
                Sign
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
