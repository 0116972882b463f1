import { z } from 'zod';
import { isBodyRegionCode } from './body-regions.js';
import { foldForSearch } from './text.js';

/**
 * A SOAP note. Everything that progress and effectiveness will count later is structured
 * (pain scores, body-chart marks, techniques with regions, minutes and pressure, products);
 * free text is kept where a therapist needs words. Text fields are capped so one note stays a
 * note: 10,000 characters is several pages.
 */
const noteText = z.string().max(10_000, 'Must be at most 10,000 characters.').default('');

/** Numeric Pain Rating Scale, 0 (no pain) to 10 (worst imaginable); LOINC 72514-3. */
export const PainScore = z
  .number({ error: 'Must be a whole number from 0 to 10.' })
  .int('Must be a whole number from 0 to 10.')
  .min(0, 'Must be from 0 to 10.')
  .max(10, 'Must be from 0 to 10.');

export const RegionCode = z.string().refine(isBodyRegionCode, 'Unknown body region code.');

export const markKinds = [
  'pain',
  'tension',
  'trigger_point',
  'numbness',
  'treated',
  'avoid',
] as const;
export const MarkKind = z.enum(markKinds);
export type MarkKind = z.infer<typeof MarkKind>;

export const markKindLabels: Record<MarkKind, string> = {
  pain: 'Pain',
  tension: 'Tension / hypertonicity',
  trigger_point: 'Trigger point',
  numbness: 'Numbness / tingling',
  treated: 'Treated',
  avoid: 'Avoid',
};

/** 1 mild, 2 moderate, 3 severe: coarse on purpose, so it can be chosen with oily hands. */
export const BodyMark = z.object({
  region: RegionCode,
  kind: MarkKind,
  intensity: z.number().int().min(1, 'Must be 1, 2 or 3.').max(3, 'Must be 1, 2 or 3.'),
});
export type BodyMark = z.infer<typeof BodyMark>;

/** Pressure 1 light … 5 very firm. */
export const Pressure = z
  .number()
  .int()
  .min(1, 'Must be from 1 (light) to 5 (very firm).')
  .max(5, 'Must be from 1 (light) to 5 (very firm).');

export const pressureLabels = ['', 'Light', 'Moderate', 'Firm', 'Deep', 'Very firm'] as const;

export const TechniqueUse = z.object({
  technique: z.string().min(1).max(40),
  regions: z.array(RegionCode).max(63).default([]),
  minutes: z
    .number()
    .int()
    .min(1, 'Must be at least 1 minute.')
    .max(480, 'Must be at most 480 minutes.'),
  pressure: Pressure,
});
export type TechniqueUse = z.infer<typeof TechniqueUse>;

export const ProductUse = z.object({ productId: z.string().min(1).max(64) });

export const HeatCold = z.enum(['none', 'heat', 'cold', 'contrast']);

export const NoteContent = z.object({
  subjective: z
    .object({
      reasonForVisit: noteText,
      symptoms: noteText,
      changesSinceLastVisit: noteText,
      painBefore: PainScore.nullable().default(null),
      /** Optional 0–10 self-reports. */
      stress: PainScore.nullable().default(null),
      sleepQuality: PainScore.nullable().default(null),
    })
    .default({
      reasonForVisit: '',
      symptoms: '',
      changesSinceLastVisit: '',
      painBefore: null,
      stress: null,
      sleepQuality: null,
    }),
  objective: z
    .object({
      posture: noteText,
      palpation: noteText,
      rangeOfMotion: noteText,
      bodyChart: z.array(BodyMark).max(400).default([]),
    })
    .default({ posture: '', palpation: '', rangeOfMotion: '', bodyChart: [] }),
  treatment: z
    .object({
      techniques: z.array(TechniqueUse).max(40).default([]),
      products: z.array(ProductUse).max(20).default([]),
      heatCold: HeatCold.default('none'),
      tools: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
      clientResponse: noteText,
    })
    .default({ techniques: [], products: [], heatCold: 'none', tools: [], clientResponse: '' }),
  assessment: z
    .object({
      responseToTreatment: noteText,
      painAfter: PainScore.nullable().default(null),
      tissueChanges: noteText,
    })
    .default({ responseToTreatment: '', painAfter: null, tissueChanges: '' }),
  plan: z
    .object({
      frequency: noteText,
      homeCare: noteText,
      focusNextTime: noteText,
    })
    .default({ frequency: '', homeCare: '', focusNextTime: '' }),
  /**
   * The previous session's plan, brought forward by "start from last plan" and shown apart,
   * labelled with its source, so a reader can tell it was not written afresh for this visit.
   */
  carriedOver: z
    .object({
      fromSessionId: z.string().max(64),
      focus: noteText,
      homeCare: noteText,
      frequency: noteText,
    })
    .nullable()
    .default(null),
});
export type NoteContent = z.infer<typeof NoteContent>;

export const emptyNoteContent: NoteContent = NoteContent.parse({});

export interface NoteIssue {
  field: string;
  message: string;
}

/**
 * Rules that need more than one field: technique minutes cannot add up to more than the
 * session lasted, and techniques must come from the practice's catalogue.
 */
export function noteContentIssues(
  content: NoteContent,
  context: {
    sessionMinutes: number;
    techniqueCodes: ReadonlySet<string>;
    productIds: ReadonlySet<string>;
  },
): NoteIssue[] {
  const issues: NoteIssue[] = [];
  let total = 0;
  content.treatment.techniques.forEach((use, index) => {
    total += use.minutes;
    if (!context.techniqueCodes.has(use.technique)) {
      issues.push({
        field: `treatment.techniques.${index}.technique`,
        message: 'Unknown technique code.',
      });
    }
    if (use.minutes > context.sessionMinutes) {
      issues.push({
        field: `treatment.techniques.${index}.minutes`,
        message: `Must not exceed the session's ${context.sessionMinutes} minutes.`,
      });
    }
  });
  if (
    total > context.sessionMinutes &&
    issues.every((issue) => !issue.field.endsWith('.minutes'))
  ) {
    issues.push({
      field: 'treatment.techniques',
      message: `Technique minutes add up to ${total}, more than the session's ${context.sessionMinutes} minutes.`,
    });
  }
  content.treatment.products.forEach((use, index) => {
    if (!context.productIds.has(use.productId)) {
      issues.push({ field: `treatment.products.${index}.productId`, message: 'Unknown product.' });
    }
  });
  return issues;
}

/** A free-text field of a note, as its SOAP section and its name there. */
export type NoteTextField = {
  [Section in keyof NoteContent]: [
    Section,
    {
      [Field in keyof NoteContent[Section]]: NoteContent[Section][Field] extends string
        ? Field
        : never;
    }[keyof NoteContent[Section]],
  ];
}[keyof NoteContent];

/**
 * The fields full-text search indexes and quotes: every free-text field, in SOAP order. The
 * store reads the same fields straight out of the stored note for a search's excerpts.
 */
export const noteTextFields: readonly NoteTextField[] = [
  ['subjective', 'reasonForVisit'],
  ['subjective', 'symptoms'],
  ['subjective', 'changesSinceLastVisit'],
  ['objective', 'posture'],
  ['objective', 'palpation'],
  ['objective', 'rangeOfMotion'],
  ['treatment', 'clientResponse'],
  ['assessment', 'responseToTreatment'],
  ['assessment', 'tissueChanges'],
  ['plan', 'frequency'],
  ['plan', 'homeCare'],
  ['plan', 'focusNextTime'],
];

/** The words of a note that full-text search indexes, one field a line. */
export function noteSearchText(content: NoteContent): string {
  return noteTextFields
    .map(([section, field]) => (content[section] as Record<string, string>)[field]!)
    .filter((text) => text.trim().length > 0)
    .join('\n');
}

/**
 * "Start from last plan": the previous plan (focus, home care, frequency) is attached to this
 * note as carried over, with its source session. Nothing is copied into this note's own fields.
 */
export function startFromLastPlan(
  current: NoteContent,
  previous: { sessionId: string; content: NoteContent },
): NoteContent {
  return {
    ...current,
    carriedOver: {
      fromSessionId: previous.sessionId,
      focus: previous.content.plan.focusNextTime,
      homeCare: previous.content.plan.homeCare,
      frequency: previous.content.plan.frequency,
    },
  };
}

export const AddendumInput = z.object({
  reason: z
    .string()
    .trim()
    .min(1, 'Say why the note is being corrected.')
    .max(500, 'Must be at most 500 characters.'),
  text: z
    .string()
    .trim()
    .min(1, 'Write the correction or addition.')
    .max(10_000, 'Must be at most 10,000 characters.'),
});

export const SignInput = z.object({
  /** Re-confirms the author at the moment of signing. */
  password: z.string().min(1, 'Enter your password to sign.').max(200),
  /** Why the note is signed without current treatment consent (recorded with the session). */
  consentExceptionReason: z
    .string()
    .trim()
    .max(500, 'Must be at most 500 characters.')
    .nullish()
    .transform((value) => (value ? value : null)),
});

/**
 * A few words of a note's text (its `noteTextFields`, as written) around the first place a
 * searched word appears, in the note's own spelling (the index holds folded text), so a search
 * result can be recognised at a glance.
 */
export function searchExcerpt(noteText: string, query: string, radius = 12): string {
  const words = noteText.split(/\s+/).filter(Boolean);
  const wanted = foldForSearch(query).split(' ').filter(Boolean);
  const at = words.findIndex((word) => {
    const indexed = indexedWord(word);
    return wanted.some((term) => indexed.startsWith(term));
  });
  const centre = Math.max(0, at);
  const start = Math.max(0, centre - radius);
  const end = Math.min(words.length, centre + radius + 1);
  return `${start > 0 ? '… ' : ''}${words.slice(start, end).join(' ')}${end < words.length ? ' …' : ''}`;
}

/**
 * A word as the index holds it: folded, without punctuation. Most note words are plain ASCII,
 * whose fold is only lower case; the Unicode passes (a normalisation and three regular
 * expressions a word) made each excerpt four times slower, so only other words take them.
 */
function indexedWord(word: string): string {
  if (/^[\x21-\x7e]*$/.test(word)) return word.toLowerCase().replace(/[^a-z0-9]/g, '');
  return foldForSearch(word).replace(/[^\p{L}\p{N}]/gu, '');
}

/** A note as the API presents it; the same schema types the web app's client. */
export const NoteView = z.object({
  sessionId: z.string(),
  clientId: z.string(),
  authorId: z.string(),
  content: NoteContent,
  status: z.enum(['draft', 'signed']),
  signedAt: z.string().nullable(),
  signedBy: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type NoteView = z.infer<typeof NoteView>;

/** A saved note without the content its saver just sent (`Prefer: return=minimal`). */
export const NoteSaved = NoteView.omit({ content: true });
export type NoteSaved = z.infer<typeof NoteSaved>;

export const Addendum = z.object({
  id: z.string(),
  sessionId: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  reason: z.string(),
  text: z.string(),
  createdAt: z.string(),
});
export type Addendum = z.infer<typeof Addendum>;

export const NoteWithAddenda = z.object({ note: NoteView.nullable(), addenda: z.array(Addendum) });

/** One note found by search: where it is, whose it is, and the words around the match. */
export const NoteSearchHit = z.object({
  sessionId: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  startsAt: z.string(),
  excerpt: z.string(),
});
export type NoteSearchHit = z.infer<typeof NoteSearchHit>;
