import {
  allergySubstanceVocabulary,
  conditionVocabulary,
  conversationVocabulary,
  musicVocabulary,
  temperatureVocabulary,
} from './health-history-vocabulary.js';
import { IntakeForm, type ChoiceOption } from './intake-forms.js';
import { pressureLabels } from './notes.js';

/**
 * The intake form a new practice starts with, suited to massage: who the client is and whom
 * to call, the health history the safety rules read, what they want from treatment and how
 * they like it, and how they found the practice. Written to be filled on a phone.
 */
const none: ChoiceOption = { value: 'none', label: 'None of these', exclusive: true };
const options = (entries: ReadonlyArray<{ code: string; label: string }>): ChoiceOption[] =>
  entries.map((entry) => ({ value: entry.code, label: entry.label, exclusive: false }));

export const defaultIntakeForm: IntakeForm = IntakeForm.parse({
  title: 'New client intake and health history',
  intro:
    'Please fill this in before your first visit. Your answers are confidential: they help your therapist plan a safe treatment that suits you. Your therapist will go over them with you.',
  sections: [
    {
      id: 'about_you',
      title: 'About you',
      questions: [
        {
          id: 'first_name',
          type: 'text',
          label: 'Legal first name',
          required: true,
          binding: 'client.legalFirstName',
        },
        {
          id: 'last_name',
          type: 'text',
          label: 'Legal last name',
          required: true,
          binding: 'client.legalLastName',
        },
        {
          id: 'preferred_name',
          type: 'text',
          label: 'Name you like to be called',
          binding: 'client.preferredName',
        },
        { id: 'pronouns', type: 'text', label: 'Pronouns', binding: 'client.pronouns' },
        {
          id: 'date_of_birth',
          type: 'date',
          label: 'Date of birth',
          required: true,
          dates: 'past',
          binding: 'client.dateOfBirth',
        },
        { id: 'phone', type: 'text', label: 'Phone', required: true, binding: 'client.phone' },
        { id: 'email', type: 'text', label: 'Email', binding: 'client.email' },
        { id: 'address', type: 'text', label: 'Street address', binding: 'client.address.line1' },
        { id: 'city', type: 'text', label: 'City', binding: 'client.address.city' },
        {
          id: 'postal_code',
          type: 'text',
          label: 'Postal code',
          binding: 'client.address.postalCode',
        },
      ],
    },
    {
      id: 'emergency_contact',
      title: 'Emergency contact',
      questions: [
        {
          id: 'emergency_name',
          type: 'text',
          label: 'Name',
          required: true,
          binding: 'client.emergencyContact.name',
        },
        {
          id: 'emergency_relationship',
          type: 'text',
          label: 'Relationship to you',
          binding: 'client.emergencyContact.relationship',
        },
        {
          id: 'emergency_phone',
          type: 'text',
          label: 'Phone',
          required: true,
          binding: 'client.emergencyContact.phone',
        },
      ],
    },
    {
      id: 'health',
      title: 'Your health',
      questions: [
        {
          id: 'conditions',
          type: 'multi_choice',
          label: 'Do you have, or have you recently had, any of these?',
          required: true,
          options: [...options(conditionVocabulary), none],
          binding: 'history.conditions',
        },
        {
          id: 'other_conditions',
          type: 'long_text',
          label: 'Other health conditions',
          help: 'One a line.',
          binding: 'history.conditions.other',
        },
        {
          id: 'medications',
          type: 'long_text',
          label: 'Medications you take',
          help: 'One a line, with the dose if you know it. Include blood thinners, steroids, pain relief, muscle relaxants and insulin.',
          binding: 'history.medications',
        },
        {
          id: 'allergies',
          type: 'multi_choice',
          label: 'Are you allergic or sensitive to any of these?',
          required: true,
          options: [
            ...options(
              allergySubstanceVocabulary.filter(
                (entry) => entry.code !== 'topical_product' && entry.code !== 'other',
              ),
            ),
            none,
          ],
          binding: 'history.allergies',
        },
        {
          id: 'other_allergies',
          type: 'long_text',
          label: 'Other allergies or sensitivities',
          help: 'One a line: a particular cream or oil, other substances, and which nuts or oils if you know.',
          binding: 'history.allergies.other',
        },
        {
          id: 'pregnant',
          type: 'yes_no',
          label: 'Are you pregnant?',
          binding: 'history.pregnancy.pregnant',
        },
        {
          id: 'due_date',
          type: 'date',
          label: 'If so, your due date',
          dates: 'future',
          binding: 'history.pregnancy.dueDate',
        },
        {
          id: 'surgeries',
          type: 'long_text',
          label: 'Surgeries in the last two years',
          help: 'One a line, with the date (YYYY-MM-DD) if you know it.',
          binding: 'history.surgeries',
        },
        {
          id: 'injuries',
          type: 'long_text',
          label: 'Injuries in the last year (sprains, fractures, burns, whiplash …)',
          help: 'One a line, with the date (YYYY-MM-DD) if you know it.',
          binding: 'history.injuries',
        },
      ],
    },
    {
      id: 'your_massage',
      title: 'Your massage',
      questions: [
        {
          id: 'goals',
          type: 'long_text',
          label: 'What would you like massage to help with?',
          required: true,
          help: 'One goal a line.',
          binding: 'history.goals',
        },
        {
          id: 'areas_to_avoid',
          type: 'body_regions',
          label: 'Areas you would like us to avoid',
          binding: 'history.areasToAvoid',
        },
        {
          id: 'areas_to_avoid_reason',
          type: 'text',
          label: 'Why should we avoid them?',
          binding: 'history.areasToAvoid.reason',
        },
        {
          id: 'pressure',
          type: 'choice',
          label: 'Pressure you usually prefer',
          options: [1, 2, 3, 4, 5].map((level) => ({
            value: String(level),
            label: `${level} – ${pressureLabels[level]}`,
          })),
          binding: 'history.preferences.pressure',
        },
        {
          id: 'temperature',
          type: 'choice',
          label: 'Room and table temperature',
          options: options(temperatureVocabulary),
          binding: 'history.preferences.temperature',
        },
        {
          id: 'music',
          type: 'choice',
          label: 'Music',
          options: options(musicVocabulary),
          binding: 'history.preferences.music',
        },
        {
          id: 'conversation',
          type: 'choice',
          label: 'Conversation during the massage',
          options: options(conversationVocabulary),
          binding: 'history.preferences.conversation',
        },
        {
          id: 'draping',
          type: 'text',
          label: 'Anything we should know about draping or comfort?',
          binding: 'history.preferences.draping',
        },
      ],
    },
    {
      id: 'anything_else',
      title: 'Anything else',
      questions: [
        {
          id: 'notes',
          type: 'long_text',
          label: 'Is there anything else your therapist should know?',
          binding: 'history.notes',
        },
        {
          id: 'referral_source',
          type: 'choice',
          label: 'How did you hear about us?',
          options: [
            { value: 'friend_family', label: 'A friend or family member' },
            { value: 'health_professional', label: 'A doctor or other health professional' },
            { value: 'search', label: 'An internet search' },
            { value: 'social_media', label: 'Social media' },
            { value: 'passing_by', label: 'Walking or driving by' },
            { value: 'other', label: 'Other' },
          ],
          binding: 'client.referralSource',
        },
      ],
    },
  ],
});
