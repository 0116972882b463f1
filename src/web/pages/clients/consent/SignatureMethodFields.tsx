import { Text, TextInput, type MantineSize } from '@mantine/core';
import { ChoiceGroup } from '../../../components/ChoiceGroup.js';
import { SignaturePadField } from './SignaturePadField.js';

export type SignatureMethod = 'typed' | 'drawn';

/**
 * How the signer signs, typed name or drawn signature, with the same wording and field errors
 * on the practice's tablet and on the client's phone.
 */
export function SignatureMethodFields({
  method,
  onMethodChange,
  typedName,
  onTypedNameChange,
  onDrawingChange,
  fieldError,
  size,
}: {
  method: SignatureMethod;
  onMethodChange: (method: SignatureMethod) => void;
  typedName: string;
  onTypedNameChange: (typedName: string) => void;
  onDrawingChange: (pngDataUrl: string | null) => void;
  fieldError: (field: string) => string | undefined;
  size?: MantineSize;
}) {
  return (
    <>
      <ChoiceGroup
        legend="How to sign"
        columns={2}
        choices={[
          { value: 'typed', label: 'Type my name' },
          { value: 'drawn', label: 'Draw my signature' },
        ]}
        value={method}
        onChange={(value) => onMethodChange(value === 'drawn' ? 'drawn' : 'typed')}
      />
      {method === 'typed' ? (
        <TextInput
          label="Type your full name to sign"
          description="The same name as above. Typing it here is your signature."
          value={typedName}
          onChange={(event) => onTypedNameChange(event.currentTarget.value)}
          error={fieldError('signature.typedName') ?? fieldError('signature')}
          maxLength={200}
          className="typed-signature"
          {...(size ? { size } : {})}
        />
      ) : (
        <SignaturePadField
          onChange={onDrawingChange}
          error={fieldError('signature.data') ?? fieldError('signature')}
        />
      )}
      <Text size="xs" c="dimmed">
        The time, this device and its network address are recorded with your signature.
      </Text>
    </>
  );
}
