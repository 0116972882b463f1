import { z } from 'zod';
import { CatalogueCode } from './catalogue.js';
import { HeatCold, Pressure, type NoteContent, type TechniqueUse } from './notes.js';

/**
 * A note template: the words a session type's note usually starts from, so a therapist
 * documents fast. It holds prompts and usual values for the free-text SOAP fields, suggested
 * techniques (offered, never recorded until the therapist adds them), heat/cold and tools.
 * Pain scores and body-chart marks are measurements of this client on this day: a template has
 * no place for them, and a request that names one is refused.
 */
const measurements = new Set(['painBefore', 'painAfter', 'stress', 'sleepQuality', 'bodyChart']);

function onlyTemplateFields(issue: { code?: string; keys?: string[] }): string | undefined {
  if (issue.code !== 'unrecognized_keys') return undefined;
  const keys = issue.keys ?? [];
  return keys.some((key) => measurements.has(key))
    ? `A template never fills ${keys.join(', ')}: scores and body-chart marks are measured at each session.`
    : `Not a field a template fills: ${keys.join(', ')}.`;
}

/** Prompts are short: a few lines a therapist completes, not a pre-written note. */
export const templateTextLimit = 2_000;
const templateText = z
  .string()
  .max(templateTextLimit, `Must be at most ${templateTextLimit.toLocaleString('en')} characters.`)
  .default('');

function section<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.strictObject(shape, { error: onlyTemplateFields });
}

export const SuggestedTechnique = section({
  technique: CatalogueCode,
  minutes: z
    .number({ error: 'Must be a whole number of minutes.' })
    .int('Must be a whole number of minutes.')
    .min(1, 'Must be at least 1 minute.')
    .max(480, 'Must be at most 480 minutes.'),
  pressure: Pressure,
});
export type SuggestedTechnique = z.infer<typeof SuggestedTechnique>;

export const NoteTemplate = section({
  subjective: section({
    reasonForVisit: templateText,
    symptoms: templateText,
    changesSinceLastVisit: templateText,
  }).default({ reasonForVisit: '', symptoms: '', changesSinceLastVisit: '' }),
  objective: section({
    posture: templateText,
    palpation: templateText,
    rangeOfMotion: templateText,
  }).default({ posture: '', palpation: '', rangeOfMotion: '' }),
  treatment: section({
    techniques: z.array(SuggestedTechnique).max(10, 'Suggest at most 10 techniques.').default([]),
    heatCold: HeatCold.default('none'),
    tools: z
      .array(z.string().trim().min(1, 'Name the tool.').max(60, 'Must be at most 60 characters.'))
      .max(20, 'List at most 20 tools.')
      .default([]),
    clientResponse: templateText,
  }).default({ techniques: [], heatCold: 'none', tools: [], clientResponse: '' }),
  assessment: section({
    responseToTreatment: templateText,
    tissueChanges: templateText,
  }).default({ responseToTreatment: '', tissueChanges: '' }),
  plan: section({
    frequency: templateText,
    homeCare: templateText,
    focusNextTime: templateText,
  }).default({ frequency: '', homeCare: '', focusNextTime: '' }),
});
export type NoteTemplate = z.infer<typeof NoteTemplate>;

export const emptyNoteTemplate: NoteTemplate = NoteTemplate.parse({});

/** A template as the API presents it: the session type it belongs to and its version. */
export const NoteTemplateView = z.object({
  sessionType: z.string(),
  sessionTypeName: z.string(),
  template: NoteTemplate,
  /** False while the practice uses the shipped wording (version 0: nothing stored yet). */
  customised: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type NoteTemplateView = z.infer<typeof NoteTemplateView>;

/** The free-text fields a template may fill, by SOAP section, in the note's own order. */
export const templateTextFields = {
  subjective: ['reasonForVisit', 'symptoms', 'changesSinceLastVisit'],
  objective: ['posture', 'palpation', 'rangeOfMotion'],
  treatment: ['clientResponse'],
  assessment: ['responseToTreatment', 'tissueChanges'],
  plan: ['frequency', 'homeCare', 'focusNextTime'],
} as const;

type TextSection = keyof typeof templateTextFields;
type TextField = {
  [S in TextSection]: { section: S; field: (typeof templateTextFields)[S][number] };
};
const textFields = (Object.keys(templateTextFields) as TextSection[]).flatMap((name) =>
  templateTextFields[name].map((field) => ({ section: name, field }) as TextField[TextSection]),
);

function textOf(
  holder: NoteContent | NoteTemplate,
  { section: name, field }: TextField[TextSection],
): string {
  return (holder[name] as Record<string, string>)[field] ?? '';
}

function withText(
  content: NoteContent,
  { section: name, field }: TextField[TextSection],
  text: string,
): NoteContent {
  return { ...content, [name]: { ...content[name], [field]: text } };
}

/**
 * Starts a note from a template: every free-text field that is still empty gets the template's
 * words, heat/cold and tools their usual values if none were chosen. Nothing the therapist
 * wrote is replaced, and scores, body-chart marks, techniques and products are left alone.
 */
export function applyTemplate(content: NoteContent, template: NoteTemplate): NoteContent {
  let applied = content;
  for (const place of textFields) {
    const words = textOf(template, place);
    if (words !== '' && textOf(applied, place) === '') applied = withText(applied, place, words);
  }
  const { heatCold, tools } = applied.treatment;
  return {
    ...applied,
    treatment: {
      ...applied.treatment,
      heatCold: heatCold === 'none' ? template.treatment.heatCold : heatCold,
      tools: tools.length === 0 ? [...template.treatment.tools] : tools,
    },
  };
}

/** True when some field still holds the template's words, exactly as the template gave them. */
export function holdsTemplateText(content: NoteContent, template: NoteTemplate): boolean {
  return (
    textFields.some((place) => {
      const words = textOf(template, place);
      return words !== '' && textOf(content, place) === words;
    }) ||
    (template.treatment.heatCold !== 'none' &&
      content.treatment.heatCold === template.treatment.heatCold) ||
    (template.treatment.tools.length > 0 &&
      sameList(content.treatment.tools, template.treatment.tools))
  );
}

/**
 * "Clear template text": empties every field that still holds the template's words unchanged.
 * A field the therapist has edited is theirs now and stays as it is.
 */
export function clearTemplateText(content: NoteContent, template: NoteTemplate): NoteContent {
  let cleared = content;
  for (const place of textFields) {
    const words = textOf(template, place);
    if (words !== '' && textOf(cleared, place) === words) cleared = withText(cleared, place, '');
  }
  const { heatCold, tools } = template.treatment;
  return {
    ...cleared,
    treatment: {
      ...cleared.treatment,
      heatCold:
        heatCold !== 'none' && cleared.treatment.heatCold === heatCold
          ? 'none'
          : cleared.treatment.heatCold,
      tools:
        tools.length > 0 && sameList(cleared.treatment.tools, tools) ? [] : cleared.treatment.tools,
    },
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/**
 * A suggested technique as the therapist adds it: with its usual pressure, and its usual
 * minutes cut to what the session has left so the note stays within the session's length.
 * Regions are the therapist's to choose.
 */
export function techniqueFromSuggestion(
  suggestion: SuggestedTechnique,
  session: { minutes: number; minutesRecorded: number },
): TechniqueUse {
  const left = session.minutes - session.minutesRecorded;
  return {
    technique: suggestion.technique,
    regions: [],
    minutes: Math.max(1, Math.min(suggestion.minutes, left)),
    pressure: suggestion.pressure,
  };
}

export interface TemplateIssue {
  field: string;
  message: string;
}

/**
 * Rules that need the practice's catalogue and the session type's length: suggested techniques
 * come from the catalogue, and their minutes fit in one session of this type.
 */
export function noteTemplateIssues(
  template: NoteTemplate,
  context: { sessionMinutes: number; techniqueCodes: ReadonlySet<string> },
): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  let total = 0;
  template.treatment.techniques.forEach((suggestion, index) => {
    total += suggestion.minutes;
    if (!context.techniqueCodes.has(suggestion.technique)) {
      issues.push({
        field: `treatment.techniques.${index}.technique`,
        message: 'Not a technique in the practice’s catalogue.',
      });
    }
    if (suggestion.minutes > context.sessionMinutes) {
      issues.push({
        field: `treatment.techniques.${index}.minutes`,
        message: `Must not exceed the session type’s ${context.sessionMinutes} minutes.`,
      });
    }
  });
  if (
    total > context.sessionMinutes &&
    issues.every((issue) => !issue.field.endsWith('.minutes'))
  ) {
    issues.push({
      field: 'treatment.techniques',
      message: `Suggested minutes add up to ${total}, more than the session type’s ${context.sessionMinutes} minutes.`,
    });
  }
  return issues;
}

/** The template a session type starts from: the practice's own, else the shipped one, else none. */
export function templateFor(sessionType: string, stored: NoteTemplate | undefined): NoteTemplate {
  if (stored) return stored;
  // Codes are the owner's words too: "constructor" must not find Object's own member.
  return Object.hasOwn(defaultNoteTemplates, sessionType)
    ? defaultNoteTemplates[sessionType]!
    : emptyNoteTemplate;
}

const shipped = (parts: z.input<typeof NoteTemplate>): NoteTemplate => NoteTemplate.parse(parts);

/**
 * The shipped templates, one per shipped session type. They hold prompts to complete (a label
 * and a colon) and usual plans, never findings: a note must not say what was not observed.
 * Heat/cold stays "none": it records what was applied (and hot/cold packs bill as 97010), so
 * only an owner who always applies it should make it a template's default.
 */
export const defaultNoteTemplates: Record<string, NoteTemplate> = {
  relaxation: shipped({
    subjective: {
      reasonForVisit: 'Relaxation and stress relief. Areas the client asked to focus on: ',
      changesSinceLastVisit: 'Health, medication or injuries since last visit: ',
    },
    treatment: {
      techniques: [{ technique: 'swedish', minutes: 50, pressure: 2 }],
      clientResponse: 'Pressure preference: \nAreas of tenderness: ',
    },
    assessment: { responseToTreatment: 'Client reported feeling: ' },
    plan: {
      frequency: 'Every 3–4 weeks, or as the client wishes.',
      homeCare: 'Self-care suggested: ',
    },
  }),
  therapeutic: shipped({
    subjective: {
      reasonForVisit: 'Main complaint: \nGoal for this session: ',
      symptoms: 'Where: \nSince when: \nWorse with: \nBetter with: ',
      changesSinceLastVisit: 'Health, medication or injuries since last visit: ',
    },
    objective: {
      posture: 'Standing posture: ',
      palpation: 'Tissue tone and texture: \nTender points: ',
      rangeOfMotion: 'Active range of motion (limits and pain): ',
    },
    treatment: {
      techniques: [
        { technique: 'swedish', minutes: 15, pressure: 2 },
        { technique: 'myofascial_release', minutes: 15, pressure: 3 },
        { technique: 'trigger_point', minutes: 10, pressure: 4 },
      ],
    },
    assessment: {
      responseToTreatment: 'Change in pain and movement after treatment: ',
      tissueChanges: 'Tissue changes felt: ',
    },
    plan: {
      frequency: 'Weekly for 3–4 sessions, then reassess.',
      homeCare: 'Stretches and self-care shown: ',
      focusNextTime: 'Next time: ',
    },
  }),
  sports: shipped({
    subjective: {
      reasonForVisit:
        'Sport or activity: \nPhase (pre-event, post-event, training, recovery): \nEvent date: ',
      symptoms: 'Areas of tightness or soreness: \nRecent training load: ',
      changesSinceLastVisit: 'Injuries, health or medication since last visit: ',
    },
    objective: {
      palpation: 'Tissue tone and tender points in the muscles used: ',
      rangeOfMotion: 'Range of motion of the joints used in the sport: ',
    },
    treatment: {
      techniques: [
        { technique: 'sports', minutes: 35, pressure: 3 },
        { technique: 'stretching', minutes: 15, pressure: 3 },
      ],
    },
    assessment: { responseToTreatment: 'Change in range of motion and tightness: ' },
    plan: {
      frequency: 'Every 1–2 weeks during training; around events as planned.',
      homeCare: 'Mobility and recovery work: ',
      focusNextTime: 'Next time: ',
    },
  }),
  prenatal: shipped({
    subjective: {
      reasonForVisit:
        'Prenatal massage. Weeks of pregnancy: \nWhat the client would like help with: ',
      symptoms: 'Low back or pelvic discomfort: \nSwelling (hands, feet, legs): \nSleep: ',
      changesSinceLastVisit: 'News from the prenatal care provider: \nNew symptoms: ',
    },
    objective: {
      posture: 'Side-lying with pillows (left / right); trimester: ',
    },
    treatment: {
      techniques: [{ technique: 'prenatal', minutes: 50, pressure: 2 }],
      clientResponse: 'Comfort in position: \nPressure preference: ',
    },
    assessment: { responseToTreatment: 'Client reported feeling: ' },
    plan: {
      frequency: 'Every 2–4 weeks through the pregnancy, adjusted by trimester and comfort.',
      homeCare: 'Rest side-lying with a pillow between the knees; other self-care: ',
      focusNextTime: 'Next time: ',
    },
  }),
  assessment: shipped({
    subjective: {
      reasonForVisit: 'Main complaint: \nClient’s goals: ',
      symptoms:
        'Onset and history: \nWhere: \nWorse with: \nBetter with: \nEffect on daily activities: ',
      changesSinceLastVisit: 'Relevant health history (see intake): ',
    },
    objective: {
      posture: 'Standing posture: \nGait: ',
      palpation: 'Tissue tone, tenderness and temperature: ',
      rangeOfMotion: 'Active range of motion: \nPassive range of motion: \nTests done: ',
    },
    treatment: {
      techniques: [{ technique: 'swedish', minutes: 30, pressure: 2 }],
    },
    assessment: {
      responseToTreatment: 'Change in pain and movement after treatment: ',
      tissueChanges: 'Tissue changes felt: ',
    },
    plan: {
      frequency: 'Proposed: ___ sessions, every ___ weeks, then reassess.',
      homeCare: 'Stretches and self-care shown: ',
      focusNextTime: 'Reassess: ',
    },
  }),
};
