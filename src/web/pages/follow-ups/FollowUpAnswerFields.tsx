import { Checkbox, Stack, Text, Textarea } from '@mantine/core';
import { useId } from 'react';
import {
  reactionCodes,
  reactionLabels,
  type FollowUpAnswers,
  type Reaction,
} from '../../../domain/follow-ups.js';
import { ChoiceGroup } from '../../components/ChoiceGroup.js';
import { scoreValue, zeroToTen } from '../sessions/note/scoreChoices.js';

export const noAnswers: FollowUpAnswers = {
  relief: null,
  soreness: null,
  reactions: [],
  reactionDetails: null,
};

/**
 * The questions in the client's words, or in the therapist's when staff take them by phone.
 * On the client's phone the scale breaks 0–5 / 6–10 rather than wherever the width runs out.
 */
const wording = {
  client: {
    relief: 'How much relief do you feel since the session?',
    reliefScale: '0 = no relief at all, 10 = completely better.',
    soreness: 'How sore are you now?',
    sorenessScale: '0 = not sore, 10 = the worst soreness you can imagine.',
    reactions: 'Since the session, have you had any of these?',
    reactionsHint: 'Tick any that apply; leave them all empty if none.',
    details: 'Tell us more',
    detailsNeeded: 'Needed for “something else”: what happened, and when.',
    detailsOptional: 'Optional: anything else your therapist should know.',
  },
  staff: {
    relief: 'Relief since the session (0–10)',
    reliefScale: '0 = none, 10 = completely better.',
    soreness: 'Soreness now (0–10)',
    sorenessScale: '0 = none, 10 = worst imaginable.',
    reactions: 'Reactions reported',
    reactionsHint: 'None ticked means no reaction.',
    details: 'Details',
    detailsNeeded: 'Needed for “something else”: what the client described.',
    detailsOptional: 'Optional: what the client said, in their words.',
  },
};

/** The field's message under a group of choices, tied to it for screen readers. */
function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <Text id={id} size="sm" c="red.8" role="alert">
      {message}
    </Text>
  );
}

/**
 * Relief, soreness and reactions with their details: one set of fields for the client's phone
 * and for staff taking a follow-up by phone. Errors are keyed by the API's field names.
 */
export function FollowUpAnswerFields({
  answers,
  onChange,
  errors,
  voice,
}: {
  answers: FollowUpAnswers;
  onChange: (patch: Partial<FollowUpAnswers>) => void;
  errors: Record<string, string>;
  voice: 'client' | 'staff';
}) {
  const words = wording[voice];
  const id = useId();
  const reactionError = Object.entries(errors).find(([field]) => field.startsWith('reactions'));
  const needsDetails = answers.reactions.includes('other');
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <ChoiceGroup
          legend={words.relief}
          description={words.reliefScale}
          choices={zeroToTen}
          columns={voice === 'client' ? 6 : 11}
          value={scoreValue(answers.relief)}
          onChange={(score) => onChange({ relief: Number(score) })}
          onClear={() => onChange({ relief: null })}
          clearLabel="Clear relief"
        />
        <FieldError id={`${id}-relief`} message={errors['relief']} />
      </Stack>
      <Stack gap={4}>
        <ChoiceGroup
          legend={words.soreness}
          description={words.sorenessScale}
          choices={zeroToTen}
          columns={voice === 'client' ? 6 : 11}
          value={scoreValue(answers.soreness)}
          onChange={(score) => onChange({ soreness: Number(score) })}
          onClear={() => onChange({ soreness: null })}
          clearLabel="Clear soreness"
        />
        <FieldError id={`${id}-soreness`} message={errors['soreness']} />
      </Stack>
      <Checkbox.Group
        label={words.reactions}
        description={words.reactionsHint}
        value={answers.reactions}
        onChange={(codes) => onChange({ reactions: codes as Reaction[] })}
        error={reactionError?.[1]}
      >
        <Stack gap="sm" mt="xs">
          {reactionCodes.map((code) => (
            <Checkbox key={code} value={code} label={reactionLabels[code]} size="md" />
          ))}
        </Stack>
      </Checkbox.Group>
      <Textarea
        label={words.details}
        description={needsDetails ? words.detailsNeeded : words.detailsOptional}
        withAsterisk={needsDetails}
        autosize
        minRows={2}
        maxLength={1000}
        size="md"
        value={answers.reactionDetails ?? ''}
        onChange={(event) => onChange({ reactionDetails: event.currentTarget.value || null })}
        error={errors['reactionDetails']}
      />
    </Stack>
  );
}
