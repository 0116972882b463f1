import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultSessionTypes, defaultTechniques } from './catalogue.js';
import {
  NoteTemplate,
  applyTemplate,
  clearTemplateText,
  defaultNoteTemplates,
  emptyNoteTemplate,
  holdsTemplateText,
  noteTemplateIssues,
  techniqueFromSuggestion,
  templateFor,
} from './note-templates.js';
import { NoteContent, emptyNoteContent } from './notes.js';

const prenatal = defaultNoteTemplates['prenatal']!;
const techniqueCodes = new Set(defaultTechniques.map((technique) => technique.code));

const withSubjective = (patch: Partial<NoteContent['subjective']>): NoteContent => ({
  ...emptyNoteContent,
  subjective: { ...emptyNoteContent.subjective, ...patch },
});

const heatTemplate = NoteTemplate.parse({
  subjective: { symptoms: 'Where: ' },
  treatment: { heatCold: 'heat', tools: ['Hot pack'] },
});

describe('the shipped note templates', () => {
  it('ship one template for every shipped session type', () => {
    assert.deepEqual(
      Object.keys(defaultNoteTemplates).sort(),
      defaultSessionTypes.map((type) => type.code).sort(),
    );
  });

  for (const type of defaultSessionTypes) {
    it(`keeps the ${type.code} template valid, within the session’s minutes and the catalogue`, () => {
      const shipped = defaultNoteTemplates[type.code]!;
      assert.deepEqual(NoteTemplate.parse(shipped), shipped);
      assert.deepEqual(
        noteTemplateIssues(shipped, { sessionMinutes: type.minutes, techniqueCodes }),
        [],
      );
    });
  }

  it('never records heat or cold as applied by default', () => {
    for (const shipped of Object.values(defaultNoteTemplates)) {
      assert.equal(shipped.treatment.heatCold, 'none');
    }
  });

  it('starts a prenatal note with side-lying positioning and a plan frequency', () => {
    const note = applyTemplate(emptyNoteContent, prenatal);
    assert.match(note.objective.posture, /^Side-lying with pillows/);
    assert.match(note.plan.frequency, /Every 2–4 weeks/);
  });

  it('makes a note the note schema accepts', () => {
    for (const shipped of Object.values(defaultNoteTemplates)) {
      const note = applyTemplate(emptyNoteContent, shipped);
      assert.deepEqual(NoteContent.parse(note), note);
    }
  });
});

describe('NoteTemplate', () => {
  it('fills every field it is not given with an empty value', () => {
    assert.deepEqual(NoteTemplate.parse({}), emptyNoteTemplate);
    assert.equal(emptyNoteTemplate.treatment.heatCold, 'none');
  });

  it('refuses a pain score, naming the section and the field', () => {
    const result = NoteTemplate.safeParse({ subjective: { painBefore: 4 } });
    assert.equal(result.success, false);
    assert.deepEqual(result.error?.issues[0]?.path, ['subjective']);
    assert.match(result.error?.issues[0]?.message ?? '', /never fills painBefore/);
  });

  it('refuses body-chart marks', () => {
    const result = NoteTemplate.safeParse({
      objective: { bodyChart: [{ region: 'upper_trapezius_l', kind: 'pain', intensity: 2 }] },
    });
    assert.equal(result.success, false);
    assert.match(result.error?.issues[0]?.message ?? '', /never fills bodyChart/);
  });

  it('refuses fields a note does not have', () => {
    const result = NoteTemplate.safeParse({ plan: { nextBooking: 'Tuesday' } });
    assert.match(result.error?.issues[0]?.message ?? '', /Not a field a template fills/);
  });

  it('caps each prompt at 2,000 characters', () => {
    const result = NoteTemplate.safeParse({ plan: { homeCare: 'x'.repeat(2_001) } });
    assert.deepEqual(result.error?.issues[0]?.path, ['plan', 'homeCare']);
    assert.equal(result.error?.issues[0]?.message, 'Must be at most 2,000 characters.');
  });

  it('refuses a suggested technique with a pressure outside 1 to 5', () => {
    const result = NoteTemplate.safeParse({
      treatment: { techniques: [{ technique: 'swedish', minutes: 20, pressure: 6 }] },
    });
    assert.deepEqual(result.error?.issues[0]?.path, ['treatment', 'techniques', 0, 'pressure']);
  });
});

describe('applyTemplate', () => {
  it('fills the empty free-text fields of a new note', () => {
    const note = applyTemplate(emptyNoteContent, prenatal);
    assert.equal(note.subjective.reasonForVisit, prenatal.subjective.reasonForVisit);
    assert.equal(note.plan.homeCare, prenatal.plan.homeCare);
  });

  it('never replaces words the therapist typed', () => {
    const note = applyTemplate(withSubjective({ reasonForVisit: 'Sore hips' }), prenatal);
    assert.equal(note.subjective.reasonForVisit, 'Sore hips');
    assert.equal(note.subjective.symptoms, prenatal.subjective.symptoms);
  });

  it('never fills pain scores, self-reports or body-chart marks', () => {
    const note = applyTemplate(emptyNoteContent, prenatal);
    assert.equal(note.subjective.painBefore, null);
    assert.equal(note.subjective.stress, null);
    assert.equal(note.assessment.painAfter, null);
    assert.deepEqual(note.objective.bodyChart, []);
  });

  it('only suggests techniques: none is recorded until the therapist adds it', () => {
    assert.deepEqual(applyTemplate(emptyNoteContent, prenatal).treatment.techniques, []);
  });

  it('sets heat/cold and tools only where none were chosen', () => {
    assert.equal(applyTemplate(emptyNoteContent, heatTemplate).treatment.heatCold, 'heat');
    const chosen: NoteContent = {
      ...emptyNoteContent,
      treatment: { ...emptyNoteContent.treatment, heatCold: 'cold', tools: ['Cups'] },
    };
    const note = applyTemplate(chosen, heatTemplate);
    assert.equal(note.treatment.heatCold, 'cold');
    assert.deepEqual(note.treatment.tools, ['Cups']);
  });

  it('leaves a note untouched when the template is empty', () => {
    assert.deepEqual(applyTemplate(emptyNoteContent, emptyNoteTemplate), emptyNoteContent);
  });
});

describe('clearing template text', () => {
  it('empties the fields that still hold the template’s words', () => {
    const note = applyTemplate(emptyNoteContent, heatTemplate);
    assert.deepEqual(clearTemplateText(note, heatTemplate), emptyNoteContent);
  });

  it('keeps a field the therapist edited', () => {
    const started = applyTemplate(emptyNoteContent, prenatal);
    const edited = {
      ...started,
      objective: { ...started.objective, posture: `${started.objective.posture}second` },
    };
    const cleared = clearTemplateText(edited, prenatal);
    assert.equal(cleared.objective.posture, edited.objective.posture);
    assert.equal(cleared.plan.frequency, '');
  });

  it('says whether a note still holds template words', () => {
    const note = applyTemplate(emptyNoteContent, prenatal);
    assert.equal(holdsTemplateText(note, prenatal), true);
    assert.equal(holdsTemplateText(clearTemplateText(note, prenatal), prenatal), false);
    assert.equal(holdsTemplateText(emptyNoteContent, emptyNoteTemplate), false);
  });
});

describe('techniqueFromSuggestion', () => {
  it('adds a suggested technique with its usual minutes and pressure and no regions', () => {
    assert.deepEqual(
      techniqueFromSuggestion(
        { technique: 'prenatal', minutes: 50, pressure: 2 },
        { minutes: 60, minutesRecorded: 0 },
      ),
      { technique: 'prenatal', regions: [], minutes: 50, pressure: 2 },
    );
  });

  it('cuts its minutes to what the session has left, never below one', () => {
    const suggestion = { technique: 'swedish', minutes: 30, pressure: 2 };
    assert.equal(
      techniqueFromSuggestion(suggestion, { minutes: 60, minutesRecorded: 45 }).minutes,
      15,
    );
    assert.equal(
      techniqueFromSuggestion(suggestion, { minutes: 60, minutesRecorded: 60 }).minutes,
      1,
    );
  });
});

describe('noteTemplateIssues', () => {
  const suggesting = (...techniques: Array<{ technique: string; minutes: number }>) =>
    NoteTemplate.parse({
      treatment: { techniques: techniques.map((use) => ({ ...use, pressure: 3 })) },
    });

  it('names a suggested technique that is not in the catalogue', () => {
    assert.deepEqual(
      noteTemplateIssues(suggesting({ technique: 'gua_sha', minutes: 10 }), {
        sessionMinutes: 60,
        techniqueCodes,
      }),
      [
        {
          field: 'treatment.techniques.0.technique',
          message: 'Not a technique in the practice’s catalogue.',
        },
      ],
    );
  });

  it('refuses a suggestion longer than the session type', () => {
    const issues = noteTemplateIssues(suggesting({ technique: 'swedish', minutes: 90 }), {
      sessionMinutes: 60,
      techniqueCodes,
    });
    assert.deepEqual(
      issues.map((issue) => issue.field),
      ['treatment.techniques.0.minutes'],
    );
  });

  it('refuses suggestions that add up to more than the session type', () => {
    const issues = noteTemplateIssues(
      suggesting({ technique: 'swedish', minutes: 40 }, { technique: 'stretching', minutes: 30 }),
      { sessionMinutes: 60, techniqueCodes },
    );
    assert.deepEqual(
      issues.map((issue) => issue.field),
      ['treatment.techniques'],
    );
  });
});

describe('templateFor', () => {
  it('prefers the practice’s own template', () => {
    assert.equal(templateFor('prenatal', heatTemplate), heatTemplate);
  });

  it('falls back to the shipped template, then to an empty one', () => {
    assert.equal(templateFor('prenatal', undefined), prenatal);
    assert.equal(templateFor('hot_stone_ritual', undefined), emptyNoteTemplate);
    assert.equal(templateFor('constructor', undefined), emptyNoteTemplate);
  });
});
