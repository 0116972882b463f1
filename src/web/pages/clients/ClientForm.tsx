import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { clientKeys, listTherapists } from '../../api/clients.js';
import { AddressFields } from '../../forms/AddressFields.js';
import { todayIn } from '../../format.js';
import type { ClientForm as ClientFormState } from './clientFormValues.js';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/**
 * The client's demographics and contact details, for both a new client and an edit. The page
 * owns the form state and what submitting means; `notices` (duplicates, a stale edit, a server
 * problem) show above the fields, inside the form, where the person is looking.
 */
export function ClientForm({
  form,
  timeZone,
  onSubmit,
  submitLabel,
  cancelHref,
  notices,
  submitDisabled = false,
  primaryTherapistFixed = false,
}: {
  form: ClientFormState;
  timeZone: string;
  onSubmit: (event?: React.FormEvent<HTMLFormElement>) => void;
  submitLabel: string;
  cancelHref: string;
  notices?: ReactNode;
  submitDisabled?: boolean;
  /** Once a client has a primary therapist, only a handoff (with its note) changes it. */
  primaryTherapistFixed?: boolean;
}) {
  const therapists = useQuery({
    queryKey: clientKeys.therapists,
    queryFn: ({ signal }) => listTherapists(signal),
    staleTime: 5 * 60_000,
  });
  const therapistChoices = (therapists.data ?? []).map((therapist) => ({
    value: therapist.id,
    label: therapist.displayName,
  }));
  const field = form.getInputProps;

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        {notices}
        <Section id="client-name" title="Name and birth date">
          <Text size="sm" c="dimmed" mb="sm">
            Only the legal first and last name are required; everything else can be added later.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label="Legal first name"
              required
              autoComplete="off"
              {...field('legalFirstName')}
            />
            <TextInput
              label="Legal last name"
              required
              autoComplete="off"
              {...field('legalLastName')}
            />
            <TextInput
              label="Preferred name"
              description="What the client likes to be called"
              autoComplete="off"
              {...field('preferredName')}
            />
            <TextInput label="Pronouns" autoComplete="off" {...field('pronouns')} />
            <TextInput
              label="Date of birth"
              type="date"
              min="1900-01-01"
              max={todayIn(timeZone)}
              {...field('dateOfBirth')}
            />
          </SimpleGrid>
        </Section>

        <Section id="client-contact" title="Contact">
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label="Email" type="email" autoComplete="off" {...field('email')} />
              <TextInput label="Phone" type="tel" autoComplete="off" {...field('phone')} />
            </SimpleGrid>
            <AddressFields field={(name) => field(`address.${name}`)} />
          </Stack>
        </Section>

        <Section id="client-emergency" title="Emergency contact">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
            <TextInput
              label="Emergency contact name"
              autoComplete="off"
              {...field('emergencyContact.name')}
            />
            <TextInput
              label="Relationship"
              autoComplete="off"
              {...field('emergencyContact.relationship')}
            />
            <TextInput
              label="Emergency contact phone"
              type="tel"
              autoComplete="off"
              {...field('emergencyContact.phone')}
            />
          </SimpleGrid>
        </Section>

        <Section id="client-care" title="Care">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label="Primary therapist"
              placeholder={therapists.isPending ? 'Loading therapists…' : 'Not assigned'}
              data={therapistChoices}
              clearable={!primaryTherapistFixed}
              searchable
              nothingFoundMessage="No therapist by that name"
              readOnly={primaryTherapistFixed}
              description={
                primaryTherapistFixed
                  ? 'To change it, use “Hand over” on the client’s page.'
                  : undefined
              }
              {...field('primaryTherapistId')}
              error={
                form.errors.primaryTherapistId ??
                (therapists.isError ? 'The list of therapists could not be loaded.' : undefined)
              }
            />
            <TextInput
              label="Referral source"
              description="Who or what sent the client to you"
              autoComplete="off"
              {...field('referralSource')}
            />
          </SimpleGrid>
        </Section>

        <Section id="client-communication" title="Communication preferences">
          <Fieldset legend="The client agrees to be contacted" variant="unstyled">
            {/* Rows far enough apart that a fingertip picks the one it meant. */}
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" verticalSpacing="md" mt="xs">
              <Checkbox
                label="By email"
                {...field('communicationPreferences.email', { type: 'checkbox' })}
              />
              <Checkbox
                label="By text message (SMS)"
                {...field('communicationPreferences.sms', { type: 'checkbox' })}
              />
              <Checkbox
                label="By phone call"
                {...field('communicationPreferences.phone', { type: 'checkbox' })}
              />
              <Checkbox
                label="With appointment reminders"
                {...field('communicationPreferences.appointmentReminders', { type: 'checkbox' })}
              />
            </SimpleGrid>
          </Fieldset>
        </Section>

        <Group gap="sm">
          <Button type="submit" loading={form.submitting} disabled={submitDisabled}>
            {submitLabel}
          </Button>
          <Button component={Link} href={cancelHref} variant="default">
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
