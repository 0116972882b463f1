import { z } from 'zod';

/**
 * Importing a client list exported by other practice software as CSV: the columns Palpate
 * can fill, the encodings and delimiters it reads, and the shapes of each step (inspect the
 * file, dry run, import). Shared by the server and the web app.
 */
export const clientListFields = [
  'firstName',
  'lastName',
  'fullName',
  'preferredName',
  'pronouns',
  'dateOfBirth',
  'email',
  'phone',
  'addressLine1',
  'addressLine2',
  'city',
  'region',
  'postalCode',
  'country',
  'emergencyContactName',
  'emergencyContactPhone',
  'emergencyContactRelationship',
  'referralSource',
  'notes',
] as const;
export const ClientListField = z.enum(clientListFields, { error: 'Unknown field.' });
export type ClientListField = z.infer<typeof ClientListField>;

export const clientListFieldLabels: Record<ClientListField, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  fullName: 'Full name (first and last in one column)',
  preferredName: 'Preferred name',
  pronouns: 'Pronouns',
  dateOfBirth: 'Date of birth',
  email: 'Email',
  phone: 'Phone',
  addressLine1: 'Address',
  addressLine2: 'Address line 2',
  city: 'City',
  region: 'Province or state',
  postalCode: 'Postal code',
  country: 'Country',
  emergencyContactName: 'Emergency contact name',
  emergencyContactPhone: 'Emergency contact phone',
  emergencyContactRelationship: 'Emergency contact relationship',
  referralSource: 'Referral source',
  notes: 'Notes (into the health history)',
};

/** How the file writes dates whose first number is not a year (12/04/1985). */
export const DateFormat = z.enum(['DMY', 'MDY', 'YMD'], { error: 'Choose a date format.' });
export type DateFormat = z.infer<typeof DateFormat>;

export const dateFormatLabels: Record<DateFormat, string> = {
  DMY: 'Day first: 31/12/1985',
  MDY: 'Month first: 12/31/1985',
  YMD: 'Year first: 1985-12-31',
};

export const CsvEncoding = z.enum(
  ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'iso-8859-15', 'macintosh'],
  { error: 'Choose one of the encodings Palpate reads.' },
);
export type CsvEncoding = z.infer<typeof CsvEncoding>;

export const encodingLabels: Record<CsvEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1252': 'Windows-1252 (Western European, Excel on Windows)',
  'iso-8859-15': 'ISO-8859-15 (Latin-9)',
  macintosh: 'Mac OS Roman',
};

export const CsvDelimiter = z.enum([',', ';', '\t', '|'], { error: 'Choose a delimiter.' });
export type CsvDelimiter = z.infer<typeof CsvDelimiter>;

export const delimiterLabels: Record<CsvDelimiter, string> = {
  ',': 'Comma',
  ';': 'Semicolon',
  '\t': 'Tab',
  '|': 'Vertical bar',
};

/** Enough for a large practice's whole list; a bigger file is split, not silently cut. */
export const maxClientListRows = 5000;
export const maxClientListColumns = 200;
/** The largest CSV file accepted, stated in the 413 answer. */
export const clientListLimitBytes = 10 * 1024 * 1024;

/** One line of the file: its line number in the file (the header is line 1) and its cells. */
export const CsvRow = z.object({
  line: z.number().int().min(1),
  cells: z
    .array(z.string().max(10_000, 'Must be at most 10,000 characters.'))
    .max(maxClientListColumns),
});
export type CsvRow = z.infer<typeof CsvRow>;

export const CsvInspection = z.object({
  encoding: CsvEncoding,
  /** How sure the detection is: a byte-order mark is certain, a statistical guess is not. */
  encodingConfidence: z.enum(['stated', 'certain', 'likely', 'guess']),
  delimiter: CsvDelimiter,
  headers: z.array(z.string()),
  rows: z.array(CsvRow),
  /** Lines with no value at all, left out and listed so nobody wonders where they went. */
  emptyLines: z.array(z.number().int()),
  /** The field guessed for each column, in column order; null leaves a column out. */
  mapping: z.array(ClientListField.nullable()),
  dateFormat: DateFormat,
  /** True when every date in the file reads both day-first and month-first: confirm the guess. */
  dateFormatAmbiguous: z.boolean(),
  warnings: z.array(z.string()),
});
export type CsvInspection = z.infer<typeof CsvInspection>;

const lineNumbers = z.array(z.number().int().min(1)).max(maxClientListRows).default([]);

export const CsvImportRequest = z
  .object({
    headers: z
      .array(z.string().max(200))
      .min(1, 'The file has no columns.')
      .max(maxClientListColumns),
    rows: z
      .array(CsvRow)
      .min(1, 'The file has no clients.')
      .max(maxClientListRows, `At most ${maxClientListRows} clients are imported at once.`),
    mapping: z.array(ClientListField.nullable()),
    dateFormat: DateFormat,
    /** Lines the user chose to leave out. */
    skipLines: lineNumbers,
    /** Possible duplicates the user chose to import all the same. */
    importDuplicates: lineNumbers,
  })
  .superRefine((request, context) => {
    if (request.mapping.length !== request.headers.length) {
      context.addIssue({
        code: 'custom',
        path: ['mapping'],
        message: 'Give one field (or none) for each column.',
      });
    }
    const seen = new Map<ClientListField, number>();
    request.mapping.forEach((field, index) => {
      if (!field || field === 'notes') return;
      if (seen.has(field)) {
        context.addIssue({
          code: 'custom',
          path: ['mapping', index],
          message: `“${request.headers[seen.get(field)!]}” is already ${clientListFieldLabels[field]}.`,
        });
      }
      seen.set(field, index);
    });
    const has = (field: ClientListField) => request.mapping.includes(field);
    if (!has('fullName') && !(has('firstName') && has('lastName'))) {
      context.addIssue({
        code: 'custom',
        path: ['mapping'],
        message: 'Choose the columns with the first and last names, or one with the full name.',
      });
    }
    if (has('fullName') && (has('firstName') || has('lastName'))) {
      context.addIssue({
        code: 'custom',
        path: ['mapping'],
        message: 'Use either a full-name column or first and last names, not both.',
      });
    }
  });
export type CsvImportRequest = z.infer<typeof CsvImportRequest>;

export const CsvRowIssue = z.object({
  line: z.number().int(),
  /** The column's header, or null when the problem is the whole line. */
  column: z.string().nullable(),
  field: ClientListField.nullable(),
  message: z.string(),
});
export type CsvRowIssue = z.infer<typeof CsvRowIssue>;

export const DuplicateReason = z.enum(['name_and_birth_date', 'phone']);

export const CsvDuplicate = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('client'),
    clientId: z.string(),
    name: z.string(),
    reasons: z.array(DuplicateReason),
  }),
  z.object({ kind: z.literal('line'), line: z.number().int(), reasons: z.array(DuplicateReason) }),
]);
export type CsvDuplicate = z.infer<typeof CsvDuplicate>;

export const CsvRowOutcome = z.object({
  line: z.number().int(),
  outcome: z.enum(['create', 'duplicate', 'invalid', 'skipped', 'empty']),
  name: z.string().nullable(),
  issues: z.array(CsvRowIssue),
  duplicates: z.array(CsvDuplicate),
  /** The client created, after a real import. */
  clientId: z.string().nullable(),
});
export type CsvRowOutcome = z.infer<typeof CsvRowOutcome>;

export const CsvImportReport = z.object({
  dryRun: z.boolean(),
  importId: z.string().nullable(),
  rows: z.array(CsvRowOutcome),
  counts: z.object({
    create: z.number().int(),
    duplicate: z.number().int(),
    invalid: z.number().int(),
    skipped: z.number().int(),
    empty: z.number().int(),
    withNotes: z.number().int(),
  }),
});
export type CsvImportReport = z.infer<typeof CsvImportReport>;
