import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { FieldIssue } from '../../../domain/errors.js';
import { InvitationAccept } from '../../../domain/invitations.js';
import { acceptInvitation } from '../../api/invitations.js';
import type { Session } from '../../api/session.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { focusFirstError, placeFieldErrors } from '../../forms/fieldErrors.js';
import { zodResolver } from '../../forms/zodResolver.js';

interface AcceptForm {
  password: string;
  confirmPassword: string;
}

const checkPassword = zodResolver<AcceptForm>(InvitationAccept);

/** The invitee chooses their password; the server then signs them in as the new account. */
export function AcceptInvitationForm({
  token,
  email,
  onAccepted,
}: {
  token: string;
  email: string;
  onAccepted: (session: Session) => void;
}) {
  const [failure, setFailure] = useState<{ error: unknown; unplaced: FieldIssue[] } | null>(null);
  const form = useForm<AcceptForm>({
    mode: 'controlled',
    initialValues: { password: '', confirmPassword: '' },
    validate: (values) => {
      const errors = checkPassword(values);
      if (values.confirmPassword !== values.password) {
        errors.confirmPassword = 'The two passwords do not match.';
      }
      return errors;
    },
  });

  const submit = form.onSubmit(async ({ password }) => {
    setFailure(null);
    try {
      onAccepted(await acceptInvitation(token, password));
    } catch (error) {
      setFailure({ error, unplaced: placeFieldErrors(form, error) });
    }
  }, focusFirstError(form));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {failure && <ProblemAlert error={failure.error} unplacedFields={failure.unplaced} />}
        {/* Read-only, but present so a password manager files the new password under it. */}
        <TextInput
          label="Email"
          description="You will sign in with this address."
          value={email}
          readOnly
          autoComplete="username"
        />
        <PasswordInput
          label="Password"
          description="At least 10 characters. A short sentence is easy to remember."
          required
          data-autofocus
          autoFocus
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
        <PasswordInput
          label="Confirm password"
          required
          autoComplete="new-password"
          {...form.getInputProps('confirmPassword')}
        />
        <Button type="submit" fullWidth mt="xs" loading={form.submitting}>
          Create account and sign in
        </Button>
      </Stack>
    </form>
  );
}
