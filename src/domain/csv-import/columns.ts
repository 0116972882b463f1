import type { ClientListField } from '../client-list-import.js';
import { foldForSearch } from '../text.js';

/**
 * A first guess at which field each column holds, from its header in the words other
 * practice software uses (English, French, Spanish, German). The person importing sees the
 * guess and changes it; a column nothing matches is left out until they choose.
 */
const emergency = /\b(emergency|urgence|urgencia|notfall|ice)\b/;

const rules: Array<[ClientListField, (header: string) => boolean]> = [
  [
    'emergencyContactPhone',
    (h) => emergency.test(h) && /\b(phone|tel|telephone|mobile|cell)\b/.test(h),
  ],
  [
    'emergencyContactRelationship',
    (h) => emergency.test(h) && /\b(relation|relationship|lien)\b/.test(h),
  ],
  ['emergencyContactName', (h) => emergency.test(h)],
  ['email', (h) => /\b(e ?mail|courriel|correo|mail)\b/.test(h)],
  [
    'dateOfBirth',
    (h) => /\b(birth|dob|birthday|birthdate|naissance|nacimiento|geburt\w*|born)\b|^ddn$/.test(h),
  ],
  ['preferredName', (h) => /\b(preferred|nickname|goes by|known as|surnom)\b/.test(h)],
  [
    'firstName',
    (h) => /\b(first|given|fore) ?name\b|^(first|fname|prenom|nombre|vorname|given)$/.test(h),
  ],
  [
    'lastName',
    (h) =>
      /\b(last|family|sur) ?name\b|^(last|lname|surname|nom|nom de famille|apellidos?|nachname|family)$/.test(
        h,
      ),
  ],
  [
    'fullName',
    (h) =>
      /^(name|full name|client|client name|patient|patient name|nom complet|nombre completo)$/.test(
        h,
      ),
  ],
  ['pronouns', (h) => /\bpronouns?\b/.test(h)],
  [
    'phone',
    (h) => /\b(phone|tel|telephone|mobile|cell|cellphone|portable|telefono|handy)\b/.test(h),
  ],
  [
    'addressLine2',
    (h) => /\b(address|adresse|street) ?(2|line 2)\b|\b(apt|apartment|suite|unit)\b/.test(h),
  ],
  ['addressLine1', (h) => /\b(address|street|adresse|direccion|strasse)\b/.test(h)],
  ['city', (h) => /\b(city|town|ville|ciudad|stadt|ort)\b/.test(h)],
  ['region', (h) => /\b(state|province|prov|region|county|provincia|bundesland)\b/.test(h)],
  ['postalCode', (h) => /\b(zip|postal|postcode|post code|code postal|plz|cp)\b/.test(h)],
  ['country', (h) => /\b(country|pays|pais|land)\b/.test(h)],
  ['referralSource', (h) => /\b(referral|referred|referrer|how did you hear|source)\b/.test(h)],
  ['notes', (h) => /\b(notes?|comments?|remarks?|memo|remarques?|observations?)\b/.test(h)],
];

/** "DateOfBirth", "date_of_birth" and "Date of birth" all read "date of birth". */
function normalise(header: string): string {
  return foldForSearch(header.replace(/([a-z])([A-Z])/g, '$1 $2'))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** One field (or none) per column, in column order; each field is used once, notes excepted. */
export function guessMapping(headers: string[]): Array<ClientListField | null> {
  const used = new Set<ClientListField>();
  // A mobile number is the likelier one to reach a client: it wins the phone field.
  const order = headers
    .map((header, index) => ({ header: normalise(header), index }))
    .sort(
      (a, b) =>
        Number(/\b(mobile|cell)\b/.test(b.header)) - Number(/\b(mobile|cell)\b/.test(a.header)),
    );
  const mapping: Array<ClientListField | null> = headers.map(() => null);
  for (const { header, index } of order) {
    const field = rules.find(([, matches]) => matches(header))?.[0] ?? null;
    if (!field || (used.has(field) && field !== 'notes')) continue;
    used.add(field);
    mapping[index] = field;
  }
  if (used.has('fullName') && (used.has('firstName') || used.has('lastName'))) {
    mapping[mapping.indexOf('fullName')] = null;
  }
  return mapping;
}
