import {
  Alert,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { LoginInput } from '../../../domain/staff.js';
import { ApiProblem } from '../../api/client.js';
import { signIn } from '../../api/session.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { focusFirstError } from '../../forms/fieldErrors.js';
import { zodResolver } from '../../forms/zodResolver.js';
import { useSessionState } from '../../session/SessionProvider.js';

/** A locked account says when to come back, in minutes a person can act on. */
function lockoutMessage(problem: ApiProblem): string | null {
  const seconds = problem.extensions.retryAfterSeconds;
  if (typeof seconds !== 'number' || problem.detail?.includes('minute')) return null;
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}

export function LoginPage() {
  const { state, begin } = useSessionState();
  const notice = state.status === 'signedOut' ? state.notice : null;
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '', password: '' },
    validate: zodResolver(LoginInput),
  });

  const submit = form.onSubmit(async ({ email, password }) => {
    setFailure(null);
    try {
      begin(await signIn(email.trim(), password));
    } catch (error) {
      setFailure(error);
      form.setFieldValue('password', '');
      form.getInputNode('password')?.focus();
    }
  }, focusFirstError(form));

  const lockout = failure instanceof ApiProblem ? lockoutMessage(failure) : null;

  return (
    <Center component="main" mih="100vh" p="md" bg="gray.0">
      <title>Sign in · Palpate</title>
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={400}>
        <Stack gap="md">
          <Title order={1} size="h2">
            Sign in to Palpate
          </Title>
          {notice === 'inactivity' && failure === null && (
            <Alert color="blue" title="Signed out" role="status">
              You were signed out after a period of inactivity. Sign in again to continue.
            </Alert>
          )}
          {failure !== null && (
            <div>
              <ProblemAlert error={failure} title="You could not be signed in" />
              {lockout && (
                <Text size="sm" mt="-xs">
                  {lockout}
                </Text>
              )}
            </div>
          )}
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <TextInput
                label="Email"
                type="email"
                autoComplete="username"
                required
                data-autofocus
                autoFocus
                {...form.getInputProps('email')}
              />
              <PasswordInput
                label="Password"
                autoComplete="current-password"
                required
                {...form.getInputProps('password')}
              />
              <Button type="submit" fullWidth mt="xs" loading={form.submitting}>
                Sign in
              </Button>
            </Stack>
          </form>
        </Stack>
      </Paper>
    </Center>
  );
}
