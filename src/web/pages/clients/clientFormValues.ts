import { useForm } from '@mantine/form';
import {
  ClientInput,
  birthDateIssue,
  defaultCommunicationPreferences,
  type Client,
  type CommunicationPreferences,
} from '../../../domain/clients.js';
import { addressToForm, blankAddress, type AddressFormValues } from '../../forms/AddressFields.js';
import { zodResolver } from '../../forms/zodResolver.js';
import { todayIn } from '../../format.js';

/** What the client form holds: strings for text (empty when unknown), as inputs want them. */
export interface ClientFormValues {
  legalFirstName: string;
  legalLastName: string;
  preferredName: string;
  pronouns: string;
  dateOfBirth: string;
  email: string;
  phone: string;
  address: AddressFormValues;
  emergencyContact: { name: string; relationship: string; phone: string };
  primaryTherapistId: string | null;
  referralSource: string;
  communicationPreferences: CommunicationPreferences;
}

export function blankClientForm(): ClientFormValues {
  return {
    legalFirstName: '',
    legalLastName: '',
    preferredName: '',
    pronouns: '',
    dateOfBirth: '',
    email: '',
    phone: '',
    address: blankAddress,
    emergencyContact: { name: '', relationship: '', phone: '' },
    primaryTherapistId: null,
    referralSource: '',
    communicationPreferences: defaultCommunicationPreferences,
  };
}

export function clientToForm(client: Client): ClientFormValues {
  return {
    legalFirstName: client.legalFirstName,
    legalLastName: client.legalLastName,
    preferredName: client.preferredName ?? '',
    pronouns: client.pronouns ?? '',
    dateOfBirth: client.dateOfBirth ?? '',
    email: client.email ?? '',
    phone: client.phone ?? '',
    address: addressToForm(client.address),
    emergencyContact: {
      name: client.emergencyContact.name ?? '',
      relationship: client.emergencyContact.relationship ?? '',
      phone: client.emergencyContact.phone ?? '',
    },
    primaryTherapistId: client.primaryTherapistId,
    referralSource: client.referralSource ?? '',
    communicationPreferences: client.communicationPreferences,
  };
}

/** The schema reads an unknown birth date as null, not as an empty string. */
function toDraft(values: ClientFormValues) {
  return {
    ...values,
    dateOfBirth: values.dateOfBirth === '' ? null : values.dateOfBirth,
    primaryTherapistId: values.primaryTherapistId || null,
  };
}

export function readClientInput(values: ClientFormValues): ClientInput {
  return ClientInput.parse(toDraft(values));
}

const checkClientInput = zodResolver<ClientFormValues>(ClientInput, toDraft);

/** The client form, checked by the same rules the server applies, "today" being the practice's. */
export function useClientForm(initialValues: ClientFormValues, timeZone: string) {
  return useForm<ClientFormValues>({
    mode: 'controlled',
    initialValues,
    validate: (values) => {
      const errors = checkClientInput(values);
      const birthIssue = errors.dateOfBirth
        ? null
        : birthDateIssue(toDraft(values).dateOfBirth, todayIn(timeZone));
      if (birthIssue) errors.dateOfBirth = birthIssue;
      return errors;
    },
  });
}

export type ClientForm = ReturnType<typeof useClientForm>;

const fieldLabels: Record<keyof ClientFormValues, string> = {
  legalFirstName: 'legal first name',
  legalLastName: 'legal last name',
  preferredName: 'preferred name',
  pronouns: 'pronouns',
  dateOfBirth: 'date of birth',
  email: 'email',
  phone: 'phone',
  address: 'address',
  emergencyContact: 'emergency contact',
  primaryTherapistId: 'primary therapist',
  referralSource: 'referral source',
  communicationPreferences: 'communication preferences',
};

/** The parts of the form where two versions differ, named as the form names them. */
export function differingFields(mine: ClientFormValues, theirs: ClientFormValues): string[] {
  return (Object.keys(fieldLabels) as (keyof ClientFormValues)[])
    .filter((key) => JSON.stringify(mine[key]) !== JSON.stringify(theirs[key]))
    .map((key) => fieldLabels[key]);
}
