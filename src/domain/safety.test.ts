import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HealthHistory } from './health-history.js';
import { NoteContent } from './notes.js';
import {
  avoidRegions,
  evaluateSafety,
  overrideIssues,
  productsChosenIn,
  unresolvedBlockingAlerts,
  type SafetyAlert,
} from './safety.js';

const today = '2026-11-29';
let next = 0;
const newId = () => `00000000-0000-4000-8000-${String(++next).padStart(12, '0')}`;

function history(input: Record<string, unknown>): HealthHistory {
  return HealthHistory.parse(input);
}

function note(...techniques: Array<{ technique: string; pressure: number; regions?: string[] }>) {
  return NoteContent.parse({
    treatment: { techniques: techniques.map((use) => ({ minutes: 10, regions: [], ...use })) },
  });
}

const onWarfarin = history({
  medications: [{ id: newId(), name: 'Warfarin', class: 'anticoagulant', dose: '5 mg' }],
});

function noteWarnings(alerts: SafetyAlert[], ruleId: string): SafetyAlert[] {
  return alerts.filter((alert) => alert.ruleId === ruleId && alert.scope === 'note');
}

describe('absolute contraindications', () => {
  const feverish = history({
    conditions: [{ id: newId(), code: 'fever', name: 'Fever', status: 'active' }],
  });

  it('block the session', () => {
    const [alert] = evaluateSafety({ history: feverish, today });
    assert.equal(alert?.kind, 'absolute');
    assert.equal(alert?.blocking, true);
    assert.equal(alert?.because, 'Fever (active)');
  });

  it('come before every other kind of alert', () => {
    const alerts = evaluateSafety({
      history: history({
        ...onWarfarin,
        conditions: [{ id: newId(), code: 'fever', name: 'Fever', status: 'active' }],
      }),
      today,
    });
    assert.deepEqual(
      alerts.map((alert) => alert.kind),
      ['absolute', 'caution'],
    );
  });

  it('are the only alerts that block', () => {
    const alerts = evaluateSafety({
      history: history({
        medications: onWarfarin.medications,
        conditions: [
          { id: newId(), code: 'varicose_veins', name: 'Veins', status: 'active' },
          { id: newId(), code: 'osteoporosis', name: 'Osteoporosis', status: 'active' },
        ],
        allergies: [{ id: newId(), substance: 'latex' }],
      }),
      today,
    });
    assert.ok(alerts.length >= 4);
    assert.ok(alerts.every((alert) => !alert.blocking));
  });
});

describe('local contraindications', () => {
  const veins = history({
    conditions: [
      {
        id: newId(),
        code: 'varicose_veins',
        name: 'Varicose veins',
        status: 'active',
        regions: ['calves_r', 'calves_l'],
      },
    ],
    areasToAvoid: [{ id: newId(), regions: ['abdomen', 'calves_l'], reason: 'Ticklish' }],
  });

  it('mark their regions to avoid on the body chart, in chart order', () => {
    assert.deepEqual(
      avoidRegions(veins, today).map((mark) => [mark.region, mark.ruleIds]),
      [
        ['abdomen', ['local.area_to_avoid']],
        ['calves_l', ['local.varicose_veins', 'local.area_to_avoid']],
        ['calves_r', ['local.varicose_veins']],
      ],
    );
  });

  it('say why a region is to be avoided', () => {
    const calf = avoidRegions(veins, today).find((mark) => mark.region === 'calves_l');
    assert.equal(calf?.label, 'Calves, left');
    assert.deepEqual(calf?.reasons, ['Varicose veins (active)', 'Ticklish']);
  });

  it('warn when a technique in the note treats a region to avoid', () => {
    const alerts = evaluateSafety({
      history: veins,
      note: note({ technique: 'swedish', pressure: 2, regions: ['calves_r', 'hamstrings_r'] }),
      techniqueNames: { swedish: 'Swedish' },
      today,
    });
    const [warning] = noteWarnings(alerts, 'local.varicose_veins');
    assert.deepEqual(warning?.regions, ['calves_r']);
    assert.match(warning?.message ?? '', /^Swedish treats Calves, right, marked to avoid/);
    assert.equal(warning?.trigger.technique?.index, 0);
  });

  it('stay quiet for a technique on other regions', () => {
    const alerts = evaluateSafety({
      history: veins,
      note: note({ technique: 'swedish', pressure: 5, regions: ['upper_trapezius_l'] }),
      today,
    });
    assert.deepEqual(
      alerts.filter((alert) => alert.scope === 'note'),
      [],
    );
  });

  it('ask where, when a local condition has no region recorded', () => {
    const [alert] = evaluateSafety({
      history: history({
        conditions: [{ id: newId(), code: 'open_wound', name: 'Sore', status: 'active' }],
      }),
      today,
    });
    assert.match(alert?.message ?? '', /Record where, so the body chart can mark it\.$/);
    assert.deepEqual(avoidRegions(history({}), today), []);
  });
});

describe('cautions', () => {
  it('warn about pressure 4 or more for a client on an anticoagulant', () => {
    const alerts = evaluateSafety({
      history: onWarfarin,
      note: note({ technique: 'deep_tissue', pressure: 4, regions: ['hamstrings_l'] }),
      techniqueNames: { deep_tissue: 'Deep tissue' },
      today,
    });
    const [warning] = noteWarnings(alerts, 'caution.blood_thinner');
    assert.match(warning?.message ?? '', /^Deep tissue at pressure 4 \(Deep\)\. Bruising/);
    assert.equal(warning?.blocking, false);
    assert.equal(warning?.because, 'Warfarin 5 mg — Anticoagulant (blood thinner)');
  });

  it('stay quiet at pressure 3 for a client on an anticoagulant', () => {
    const alerts = evaluateSafety({
      history: onWarfarin,
      note: note({ technique: 'deep_tissue', pressure: 3, regions: ['hamstrings_l'] }),
      today,
    });
    assert.deepEqual(noteWarnings(alerts, 'caution.blood_thinner'), []);
    assert.equal(alerts.length, 1, 'the standing caution stays on the chart');
  });

  it('warn about cupping on a blood thinner at any pressure', () => {
    const alerts = evaluateSafety({
      history: onWarfarin,
      note: note({ technique: 'cupping', pressure: 1 }),
      today,
    });
    assert.match(noteWarnings(alerts, 'caution.blood_thinner')[0]?.message ?? '', /^cupping: /);
  });

  it('warn once per technique even when two checks find it', () => {
    const alerts = evaluateSafety({
      history: onWarfarin,
      note: note({ technique: 'cupping', pressure: 5 }, { technique: 'swedish', pressure: 2 }),
      today,
    });
    assert.equal(noteWarnings(alerts, 'caution.blood_thinner').length, 1);
  });

  for (const [medicationClass, ruleId] of [
    ['corticosteroid', 'caution.corticosteroid'],
    ['analgesic_nsaid', 'caution.masked_pain'],
    ['muscle_relaxant', 'caution.masked_pain'],
  ] as const) {
    it(`warn about deep pressure for a client on a ${medicationClass.replace('_', ' ')}`, () => {
      const client = history({
        medications: [{ id: newId(), name: 'Medicine', class: medicationClass }],
      });
      const deep = note({ technique: 'swedish', pressure: 5 });
      const gentle = note({ technique: 'swedish', pressure: 3 });
      assert.equal(
        noteWarnings(evaluateSafety({ history: client, note: deep, today }), ruleId).length,
        1,
      );
      assert.deepEqual(
        noteWarnings(evaluateSafety({ history: client, note: gentle, today }), ruleId),
        [],
      );
    });
  }

  it('tell how to position a pregnant client', () => {
    const [alert] = evaluateSafety({
      history: history({ pregnancy: { pregnant: true, dueDate: '2027-04-01' } }),
      today,
    });
    assert.equal(alert?.ruleId, 'caution.pregnancy');
    assert.match(alert?.message ?? '', /side-lying or semi-reclined/);
    assert.equal(alert?.because, 'Pregnant, due 2027-04-01');
  });

  it('warn about deep pressure on the calves in pregnancy, not on the back', () => {
    const pregnant = history({ pregnancy: { pregnant: true } });
    const calves = evaluateSafety({
      history: pregnant,
      note: note({ technique: 'swedish', pressure: 4, regions: ['calves_l', 'hamstrings_l'] }),
      today,
    });
    assert.deepEqual(noteWarnings(calves, 'caution.pregnancy')[0]?.regions, ['calves_l']);
    const back = evaluateSafety({
      history: pregnant,
      note: note({ technique: 'swedish', pressure: 5, regions: ['rhomboids_l'] }),
      today,
    });
    assert.deepEqual(noteWarnings(back, 'caution.pregnancy'), []);
  });

  it('warn about essential oils cautioned in pregnancy, not about others', () => {
    const pregnant = history({ pregnancy: { pregnant: true } });
    const products = [
      { id: 'p1', name: 'Sports balm', ingredients: ['beeswax', 'peppermint_oil'] },
      { id: 'p2', name: 'Clary sage blend', ingredients: ['jojoba_oil', 'clary_sage_oil'] },
      { id: 'p3', name: 'Lavender blend', ingredients: ['jojoba_oil', 'lavender_oil'] },
    ];
    const warnings = noteWarnings(
      evaluateSafety({ history: pregnant, products, today }),
      'caution.pregnancy_essential_oils',
    );
    assert.deepEqual(
      warnings.map((warning) => warning.trigger.product),
      [
        { id: 'p1', name: 'Sports balm', ingredient: 'peppermint_oil' },
        { id: 'p2', name: 'Clary sage blend', ingredient: 'clary_sage_oil' },
      ],
    );
    assert.ok(warnings.every((warning) => !warning.message.includes('allergy')));
  });

  it('warn about deep pressure and forceful mobilisation with osteoporosis', () => {
    const alerts = evaluateSafety({
      history: history({
        conditions: [{ id: newId(), code: 'osteoporosis', name: 'Osteopenia', status: 'managed' }],
      }),
      note: note(
        { technique: 'joint_mobilisation', pressure: 2 },
        { technique: 'deep_tissue', pressure: 4, regions: ['ribs_intercostals_l'] },
        { technique: 'swedish', pressure: 3, regions: ['ribs_intercostals_l'] },
      ),
      today,
    });
    assert.deepEqual(
      noteWarnings(alerts, 'caution.osteoporosis').map(
        (warning) => warning.trigger.technique?.index,
      ),
      [0, 1],
    );
  });
});

describe('recent injuries and surgery', () => {
  const sprain = (date: string) =>
    history({
      surgeriesAndInjuries: [
        {
          id: newId(),
          kind: 'sprain_strain',
          description: 'Ankle sprain',
          date,
          regions: ['foot_ankle_r'],
        },
      ],
    });
  const ids = (input: HealthHistory) =>
    evaluateSafety({ history: input, today }).map((alert) => alert.ruleId);

  it('warn for an injury within six weeks, counting today and day 42', () => {
    assert.deepEqual(ids(sprain(today)), ['caution.recent_injury']);
    assert.deepEqual(ids(sprain('2026-10-18')), ['caution.recent_injury']);
    const [alert] = evaluateSafety({ history: sprain('2026-11-28'), today });
    assert.equal(alert?.because, 'Sprain or strain: Ankle sprain, 2026-11-28 (1 day ago)');
  });

  it('stay quiet for an old injury', () => {
    assert.deepEqual(ids(sprain('2026-10-17')), []);
    assert.deepEqual(ids(sprain('2024-03-01')), []);
  });

  it('stay quiet for an injury without a date', () => {
    const undated = history({
      surgeriesAndInjuries: [{ id: newId(), kind: 'whiplash', description: 'Car accident' }],
    });
    assert.deepEqual(ids(undated), []);
  });

  it('warn about deep pressure on the injured region only', () => {
    const recent = sprain('2026-11-20');
    const onAnkle = evaluateSafety({
      history: recent,
      note: note({ technique: 'sports', pressure: 4, regions: ['foot_ankle_r'] }),
      today,
    });
    assert.equal(noteWarnings(onAnkle, 'caution.recent_injury').length, 1);
    const elsewhere = evaluateSafety({
      history: recent,
      note: note({ technique: 'sports', pressure: 5, regions: ['foot_ankle_l'] }),
      today,
    });
    assert.deepEqual(noteWarnings(elsewhere, 'caution.recent_injury'), []);
  });

  it('mark a surgical site to avoid for 90 days, and not after', () => {
    const knee = (date: string) =>
      history({
        surgeriesAndInjuries: [
          { id: newId(), kind: 'surgery', description: 'Knee', date, regions: ['knee_l'] },
        ],
      });
    assert.deepEqual(
      avoidRegions(knee('2026-08-31'), today).map((mark) => mark.region),
      ['knee_l'],
    );
    assert.deepEqual(avoidRegions(knee('2026-08-30'), today), []);
  });
});

describe('overrides', () => {
  const alerts = evaluateSafety({
    history: history({
      conditions: [
        { id: newId(), code: 'fever', name: 'Fever', status: 'active' },
        { id: newId(), code: 'dvt', name: 'DVT', status: 'active' },
      ],
      medications: onWarfarin.medications,
    }),
    today,
  });
  const reason = 'Cleared by the physician today';

  it('leave the blocking alerts no override covers', () => {
    assert.deepEqual(
      unresolvedBlockingAlerts(alerts, []).map((alert) => alert.ruleId),
      ['absolute.fever', 'absolute.dvt_pe'],
    );
    assert.deepEqual(
      unresolvedBlockingAlerts(alerts, [{ ruleId: 'absolute.fever', reason }]).map(
        (alert) => alert.ruleId,
      ),
      ['absolute.dvt_pe'],
    );
  });

  it('accept one override per blocking alert', () => {
    assert.deepEqual(
      overrideIssues(alerts, [
        { ruleId: 'absolute.fever', reason },
        { ruleId: 'absolute.dvt_pe', reason },
      ]),
      [],
    );
  });

  it('refuse an override of an alert that does not block', () => {
    assert.deepEqual(overrideIssues(alerts, [{ ruleId: 'caution.blood_thinner', reason }]), [
      { field: 'overrides.0.ruleId', message: 'No blocking alert with this rule to override.' },
    ]);
  });

  it('refuse an override of a rule that raised no alert', () => {
    assert.deepEqual(overrideIssues(alerts, [{ ruleId: 'absolute.acute_infection', reason }]), [
      { field: 'overrides.0.ruleId', message: 'No blocking alert with this rule to override.' },
    ]);
  });

  it('refuse the same alert overridden twice', () => {
    assert.deepEqual(
      overrideIssues(alerts, [
        { ruleId: 'absolute.fever', reason },
        { ruleId: 'absolute.fever', reason },
      ]),
      [{ field: 'overrides.1.ruleId', message: 'This alert is already overridden.' }],
    );
  });
});

describe('productsChosenIn', () => {
  it('finds the catalogue entries a note names, in its order, skipping unknown ids', () => {
    const catalogue = [
      { id: 'a', name: 'Almond', ingredients: ['sweet_almond_oil'] },
      { id: 'b', name: 'Jojoba', ingredients: ['jojoba_oil'] },
    ];
    const chosen = NoteContent.parse({
      treatment: { products: [{ productId: 'b' }, { productId: 'gone' }, { productId: 'a' }] },
    });
    assert.deepEqual(
      productsChosenIn(chosen, catalogue).map((product) => product.id),
      ['b', 'a'],
    );
  });
});
