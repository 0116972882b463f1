import type { ConsentTextInput } from './consent.js';

/**
 * The consent texts a new practice starts with, in plain words for a massage practice. They
 * are a starting point, not legal advice: rules on consent, minors and records differ by
 * country, state and province, and the owner should have them reviewed where they practise
 * before publishing them (the owner edits and publishes new versions in the app).
 */
export const defaultConsentTexts: ConsentTextInput[] = [
  {
    kind: 'treatment',
    title: 'Consent to massage therapy',
    body: [
      'I am asking for massage therapy. My therapist has explained what the treatment involves, its expected benefits and its possible risks, such as soreness for a day or two, bruising or, rarely, a reaction to an oil or lotion.',
      'I have given a health history that is complete and true to the best of my knowledge, and I will tell my therapist about any change in my health, medication or pregnancy before each session.',
      'Massage therapy does not replace care from a physician. My therapist does not diagnose illness or prescribe medication.',
      'I may ask questions at any time, ask for a change of pressure, technique or draping, and stop the treatment at any time. Consent is given for each part of the treatment and may be withdrawn at any moment.',
    ].join('\n\n'),
    validityMonths: 12,
    requiresResign: false,
  },
  {
    kind: 'guardian_for_minor',
    title: 'Guardian consent for a client under 18',
    body: [
      'I am the parent or legal guardian of the client named above, who is under 18, and I have the authority to consent to their health care.',
      'I consent to massage therapy for them as described in the consent to massage therapy, and I have given their health history truthfully.',
      'I understand that I, or another adult I name, may be present during every session, and that the client may ask to stop at any time; their wish will be respected.',
    ].join('\n\n'),
    validityMonths: 12,
    requiresResign: false,
  },
  {
    kind: 'sensitive_area',
    title: 'Consent to treatment of sensitive areas',
    body: [
      'Some treatment may involve areas such as the chest wall, breast tissue, upper inner thigh or the gluteal muscles. My therapist will explain why treating such an area would help, how it will be done and how I will be draped.',
      'I consent to treatment of the areas we agree on. My therapist will ask again before treating them in each session, and I may decline or withdraw consent at any time without giving a reason.',
    ].join('\n\n'),
    validityMonths: null,
    requiresResign: false,
  },
  {
    kind: 'share_records',
    title: 'Consent to share my records',
    body: [
      'I consent to my massage therapy records being shared with the person or organisation named below, for the purpose of my care or as I have asked.',
      'Only the records needed for that purpose will be shared. I may withdraw this consent at any time, except for records already shared.',
    ].join('\n\n'),
    validityMonths: 12,
    requiresResign: false,
  },
  {
    kind: 'communication',
    title: 'Consent to be contacted',
    body: [
      'I agree that the practice may contact me by the phone number and email address I have given, for appointment reminders, follow-up questions after a session and practice notices.',
      'Messages will not contain details of my health. I may change how I am contacted, or withdraw this consent, at any time.',
    ].join('\n\n'),
    validityMonths: null,
    requiresResign: false,
  },
];
