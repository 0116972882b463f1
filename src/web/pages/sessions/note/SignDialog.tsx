import { Alert, Button, Group, Modal, PasswordInput, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiProblem, problemMessage } from '../../../api/client.js';
import { signNote, type NoteView } from '../../../api/notes.js';

/**
 * Signing locks the note for good, so the author confirms who they are with their password.
 */
export function SignDialog({
  opened,
  onClose,
  sessionId,
  etag,
  onSigned,
}: {
  opened: boolean;
  onClose: () => void;
  sessionId: string;
  etag: string;
  onSigned: (signed: { note: NoteView; etag: string }) => void;
}) {
  const [password, setPassword] = useState('');
  // A wrong password belongs to the field; anything else is said above it.
  const [error, setError] = useState<{ message: string; onField: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  // Set when the API says treatment consent is not current: the author then records why.
  const [consentMissing, setConsentMissing] = useState<string | null>(null);
  const [consentReason, setConsentReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  const close = () => {
    setPassword('');
    setError(null);
    setConsentMissing(null);
    setConsentReason('');
    setReasonError(null);
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password === '') {
      setError({ message: 'Enter your password to sign.', onField: true });
      return;
    }
    if (consentMissing !== null && consentReason.trim() === '') {
      setReasonError('Say why the session goes ahead without current consent.');
      return;
    }
    setBusy(true);
    setError(null);
    setReasonError(null);
    try {
      const signed = await signNote(
        sessionId,
        password,
        etag,
        consentMissing === null ? null : consentReason.trim(),
      );
      setPassword('');
      setConsentMissing(null);
      setConsentReason('');
      onSigned(signed);
    } catch (failure) {
      if (failure instanceof ApiProblem && failure.is('consent-missing')) {
        setConsentMissing(failure.message);
      } else if (failure instanceof ApiProblem && failure.status === 401) {
        setError({ message: 'That password is wrong. The note was not signed.', onField: true });
      } else if (failure instanceof ApiProblem && failure.status === 412) {
        setError({
          message:
            'The note changed on another device or tab. Close this, check it, and sign again.',
          onField: false,
        });
      } else setError({ message: problemMessage(failure), onField: false });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title="Sign and lock this note">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            Once signed, the note can no longer be changed by anyone. Corrections are added as
            addenda, and the signed note stays as it is.
          </Text>
          {error && !error.onField && (
            <Alert color="orange" role="alert">
              {error.message}
            </Alert>
          )}
          <PasswordInput
            label="Your password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={error?.onField ? error.message : undefined}
            data-autofocus
          />
          {consentMissing !== null && (
            <>
              <Alert color="orange" role="alert" title="Consent is not current">
                {consentMissing}
              </Alert>
              <Textarea
                label="Why does the session go ahead without current consent?"
                description="Recorded with the session and in the audit trail."
                autosize
                minRows={2}
                maxLength={500}
                value={consentReason}
                onChange={(event) => setConsentReason(event.currentTarget.value)}
                error={reasonError ?? undefined}
              />
            </>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Sign and lock
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
