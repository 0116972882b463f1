import { Fieldset, SimpleGrid, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import type { PostalAddress } from '../../domain/practice.js';

/** Form fields hold strings; the domain schema turns empty ones back into null. */
export type AddressFormValues = { [Key in keyof PostalAddress]: string };

export function addressToForm(address: PostalAddress): AddressFormValues {
  return {
    line1: address.line1 ?? '',
    line2: address.line2 ?? '',
    city: address.city ?? '',
    region: address.region ?? '',
    postalCode: address.postalCode ?? '',
    country: address.country ?? '',
  };
}

export const blankAddress: AddressFormValues = addressToForm({
  line1: null,
  line2: null,
  city: null,
  region: null,
  postalCode: null,
  country: null,
});

export function AddressFields({
  legend = 'Address',
  field,
  readOnly = false,
}: {
  legend?: string;
  field: (name: keyof AddressFormValues) => GetInputPropsReturnType;
  readOnly?: boolean;
}) {
  return (
    <Fieldset legend={legend} variant="unstyled" styles={{ legend: { fontWeight: 600 } }}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label="Street address"
          autoComplete="address-line1"
          readOnly={readOnly}
          {...field('line1')}
        />
        <TextInput
          label="Address line 2"
          autoComplete="address-line2"
          readOnly={readOnly}
          {...field('line2')}
        />
        <TextInput
          label="City"
          autoComplete="address-level2"
          readOnly={readOnly}
          {...field('city')}
        />
        <TextInput
          label="Province or state"
          autoComplete="address-level1"
          readOnly={readOnly}
          {...field('region')}
        />
        <TextInput
          label="Postal or ZIP code"
          autoComplete="postal-code"
          readOnly={readOnly}
          {...field('postalCode')}
        />
        <TextInput
          label="Country"
          autoComplete="country-name"
          readOnly={readOnly}
          {...field('country')}
        />
      </SimpleGrid>
    </Fieldset>
  );
}
