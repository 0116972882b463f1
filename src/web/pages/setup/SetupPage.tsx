import {
  Button,
  Container,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { z } from 'zod';
import { PracticeProfileInput } from '../../../domain/practice.js';
import { OwnerSetup } from '../../../domain/staff.js';
import { setUpPractice } from '../../api/session.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import {
  PracticeProfileFields,
  blankPracticeProfile,
  type PracticeProfileFormValues,
} from '../../forms/PracticeProfileFields.js';
import { focusFirstError, placeFieldErrors } from '../../forms/fieldErrors.js';
import { zodResolver } from '../../forms/zodResolver.js';
import { useSessionState } from '../../session/SessionProvider.js';

interface SetupFormValues {
  practice: PracticeProfileFormValues;
  owner: { displayName: string; email: string; password: string; confirmPassword: string };
}

const Setup = z.object({ practice: PracticeProfileInput, owner: OwnerSetup });
const checkSetup = zodResolver<SetupFormValues>(Setup);

export function SetupPage() {
  const { begin } = useSessionState();
  const [failure, setFailure] = useState<{
    error: unknown;
    unplaced: { field: string; message: string }[];
  } | null>(null);
  const form = useForm<SetupFormValues>({
    mode: 'controlled',
    initialValues: {
      practice: blankPracticeProfile(),
      owner: { displayName: '', email: '', password: '', confirmPassword: '' },
    },
    validate: (values) => {
      const errors = checkSetup(values);
      if (values.owner.confirmPassword !== values.owner.password) {
        errors['owner.confirmPassword'] = 'The two passwords do not match.';
      }
      return errors;
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    const { practice, owner } = Setup.parse(values);
    try {
      begin(await setUpPractice({ practice, owner }));
    } catch (error) {
      setFailure({ error, unplaced: placeFieldErrors(form, error) });
    }
  }, focusFirstError(form));

  return (
    <Container component="main" size="md" py="xl">
      <title>Set up your practice · Palpate</title>
      <Stack gap="lg">
        <div>
          <Title order={1}>Set up your practice</Title>
          <Text mt="xs">
            Welcome to Palpate. Tell it about your practice and create the owner account; you can
            change any of this later in Settings. The practice name, time zone and every owner field
            are required.
          </Text>
        </div>
        <form onSubmit={submit} noValidate>
          <Stack gap="lg">
            {failure && <ProblemAlert error={failure.error} unplacedFields={failure.unplaced} />}
            <Paper withBorder p="md" component="section" aria-labelledby="setup-practice">
              <Title order={2} size="h3" id="setup-practice" mb="sm">
                Your practice
              </Title>
              <PracticeProfileFields field={(name) => form.getInputProps(`practice.${name}`)} />
            </Paper>
            <Paper withBorder p="md" component="section" aria-labelledby="setup-owner">
              <Title order={2} size="h3" id="setup-owner" mb="xs">
                Your owner account
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                The owner manages staff, settings and the audit log.
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput
                  label="Your name"
                  required
                  autoComplete="name"
                  {...form.getInputProps('owner.displayName')}
                />
                <TextInput
                  label="Email"
                  description="You sign in with this address."
                  type="email"
                  required
                  autoComplete="username"
                  {...form.getInputProps('owner.email')}
                />
                <PasswordInput
                  label="Password"
                  description="At least 10 characters. A short sentence is easy to remember."
                  required
                  autoComplete="new-password"
                  {...form.getInputProps('owner.password')}
                />
                <PasswordInput
                  label="Confirm password"
                  required
                  autoComplete="new-password"
                  {...form.getInputProps('owner.confirmPassword')}
                />
              </SimpleGrid>
            </Paper>
            <div>
              <Button type="submit" size="md" loading={form.submitting}>
                Create practice
              </Button>
            </div>
          </Stack>
        </form>
      </Stack>
    </Container>
  );
}
