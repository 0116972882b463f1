import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { isTimeZone, type Practice } from '../../domain/practice.js';
import {
  AddressFields,
  addressToForm,
  blankAddress,
  type AddressFormValues,
} from './AddressFields.js';

export interface PracticeProfileFormValues {
  name: string;
  timeZone: string;
  address: AddressFormValues;
  phone: string;
  email: string;
  licenceNumber: string;
  npi: string;
  taxId: string;
}

export type PracticeProfileField =
  Exclude<keyof PracticeProfileFormValues, 'address'> | `address.${keyof AddressFormValues}`;

export function browserTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return isTimeZone(zone) ? zone : 'UTC';
}

export function blankPracticeProfile(): PracticeProfileFormValues {
  return {
    name: '',
    timeZone: browserTimeZone(),
    address: blankAddress,
    phone: '',
    email: '',
    licenceNumber: '',
    npi: '',
    taxId: '',
  };
}

export function practiceProfileToForm(practice: Practice): PracticeProfileFormValues {
  return {
    name: practice.name,
    timeZone: practice.timeZone,
    address: addressToForm(practice.address),
    phone: practice.phone ?? '',
    email: practice.email ?? '',
    licenceNumber: practice.licenceNumber ?? '',
    npi: practice.npi ?? '',
    taxId: practice.taxId ?? '',
  };
}

let timeZones: string[] | null = null;
/** Every zone this browser knows, plus the one chosen (e.g. "UTC", which some do not list). */
function timeZoneChoices(chosen: unknown): string[] {
  timeZones ??= Intl.supportedValuesOf('timeZone');
  if (typeof chosen !== 'string' || chosen === '' || timeZones.includes(chosen)) return timeZones;
  return [chosen, ...timeZones];
}

export function PracticeProfileFields({
  field,
  readOnly = false,
}: {
  field: (name: PracticeProfileField) => GetInputPropsReturnType;
  readOnly?: boolean;
}) {
  const timeZone = field('timeZone');
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label="Practice name"
          required
          readOnly={readOnly}
          autoComplete="organization"
          {...field('name')}
        />
        <Select
          label="Time zone"
          description="Session times and dates are shown in this zone."
          data={timeZoneChoices(timeZone.value)}
          searchable
          required
          allowDeselect={false}
          readOnly={readOnly}
          nothingFoundMessage="No time zone matches"
          {...timeZone}
        />
        <TextInput
          label="Practice phone"
          type="tel"
          autoComplete="tel"
          readOnly={readOnly}
          {...field('phone')}
        />
        <TextInput
          label="Practice email"
          type="email"
          autoComplete="email"
          readOnly={readOnly}
          {...field('email')}
        />
      </SimpleGrid>
      <AddressFields field={(name) => field(`address.${name}`)} readOnly={readOnly} />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput label="Licence number" readOnly={readOnly} {...field('licenceNumber')} />
        <TextInput
          label="NPI"
          description="US National Provider Identifier, 10 digits"
          inputMode="numeric"
          readOnly={readOnly}
          {...field('npi')}
        />
        <TextInput label="Tax ID" readOnly={readOnly} {...field('taxId')} />
      </SimpleGrid>
    </Stack>
  );
}
