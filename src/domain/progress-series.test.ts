import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FollowUp } from './follow-ups.js';
import type { ProgressSession } from './progress.js';
import {
  defaultPeriod,
  followUpSeries,
  painSeries,
  periodStart,
  regionPainSeries,
  sharedTimeDomain,
  techniquesText,
  timeTicks,
  treatmentMarkers,
} from './progress-series.js';

const day = 86_400_000;

function session(
  id: string,
  startsAt: string,
  fields: Partial<ProgressSession> = {},
): ProgressSession {
  return {
    sessionId: id,
    startsAt,
    serviceDate: startsAt.slice(0, 10),
    painBefore: null,
    painAfter: null,
    regionPain: [],
    techniques: [],
    ...fields,
  };
}

const swedish = { technique: 'swedish', minutes: 20, pressure: 2, regions: [] };
const triggerPoint = { technique: 'trigger_point', minutes: 15, pressure: 4, regions: [] };

describe('painSeries', () => {
  it('gives before, after and the relief between them, oldest first', () => {
    const points = painSeries([
      session('b', '2026-11-10T15:00:00.000Z', { painBefore: 5, painAfter: 2 }),
      session('a', '2026-11-03T15:00:00.000Z', {
        painBefore: 7,
        painAfter: 4,
        techniques: [swedish, triggerPoint],
      }),
    ]);
    assert.deepEqual(
      points.map((point) => [point.sessionId, point.before, point.after, point.relief]),
      [
        ['a', 7, 4, 3],
        ['b', 5, 2, 3],
      ],
    );
    assert.equal(points[0]!.at, Date.parse('2026-11-03T15:00:00.000Z'));
    assert.equal(points[0]!.firmestPressure, 4);
    assert.equal(points[1]!.firmestPressure, null);
  });

  it('keeps a session with pain before only, without relief', () => {
    const [point] = painSeries([session('a', '2026-11-03T15:00:00.000Z', { painBefore: 6 })]);
    assert.deepEqual([point!.before, point!.after, point!.relief], [6, null, null]);
  });

  it('leaves out sessions with no pain score at all', () => {
    assert.deepEqual(painSeries([session('a', '2026-11-03T15:00:00.000Z')]), []);
    assert.deepEqual(painSeries([]), []);
  });
});

describe('treatmentMarkers', () => {
  it('marks each session with techniques at its firmest pressure', () => {
    const markers = treatmentMarkers([
      session('a', '2026-11-03T15:00:00.000Z', { techniques: [swedish, triggerPoint] }),
      session('b', '2026-11-10T15:00:00.000Z'),
    ]);
    assert.deepEqual(
      markers.map((marker) => [marker.sessionId, marker.firmestPressure]),
      [['a', 4]],
    );
  });
});

describe('techniquesText', () => {
  it('names each technique once with the pressures it was given at', () => {
    const text = techniquesText(
      [swedish, triggerPoint, { ...triggerPoint, pressure: 3 }, { ...swedish }],
      (code) => ({ swedish: 'Swedish', trigger_point: 'Trigger point' })[code] ?? code,
      (pressure) => ['', 'Light', 'Moderate', 'Firm', 'Deep', 'Very firm'][pressure]!,
    );
    assert.equal(text, 'Swedish (Moderate) · Trigger point (Firm, Deep)');
  });

  it('says nothing for a session without techniques', () => {
    assert.equal(techniquesText([], String, String), '');
  });
});

describe('regionPainSeries', () => {
  const sessions = [
    session('a', '2026-11-03T15:00:00.000Z', {
      regionPain: [
        { region: 'head', intensity: 1 },
        { region: 'calves_l', intensity: 3 },
      ],
    }),
    session('b', '2026-11-10T15:00:00.000Z', {
      regionPain: [
        { region: 'calves_l', intensity: 2 },
        { region: 'sacrum', intensity: 2 },
      ],
    }),
  ];

  it('draws the most often marked regions first, ties in the order first marked', () => {
    const series = regionPainSeries(sessions, 2);
    assert.deepEqual(series.regions, ['calves_l', 'head']);
    assert.deepEqual(series.otherRegions, ['sacrum']);
    assert.deepEqual(
      series.points.map((point) => [point.sessionId, point.region, point.intensity]),
      [
        ['a', 'head', 1],
        ['a', 'calves_l', 3],
        ['b', 'calves_l', 2],
      ],
    );
  });

  it('has nothing to draw when no body chart marks pain', () => {
    assert.deepEqual(regionPainSeries([session('a', '2026-11-03T15:00:00.000Z')], 6), {
      regions: [],
      otherRegions: [],
      points: [],
    });
  });
});

describe('followUpSeries', () => {
  function followUp(id: string, sessionId: string, submittedAt: string): FollowUp {
    return {
      id,
      sessionId,
      clientId: 'client',
      relief: 6,
      soreness: 3,
      reactions: ['headache'],
      reactionDetails: null,
      source: 'client_link',
      submittedAt,
      acknowledgedAt: null,
      acknowledgedBy: null,
    };
  }

  it('places a follow-up at its session, or when answered if the note is not signed yet', () => {
    const points = followUpSeries(
      [
        followUp('late', 'unsigned', '2026-11-12T09:00:00.000Z'),
        followUp('early', 'a', '2026-11-04T20:00:00.000Z'),
      ],
      [session('a', '2026-11-03T15:00:00.000Z')],
    );
    assert.deepEqual(
      points.map((point) => [point.followUpId, point.at, point.serviceDate]),
      [
        ['early', Date.parse('2026-11-03T15:00:00.000Z'), '2026-11-03'],
        ['late', Date.parse('2026-11-12T09:00:00.000Z'), null],
      ],
    );
    assert.deepEqual(points[0]!.reactions, ['headache']);
  });
});

describe('sharedTimeDomain', () => {
  it('widens the span a little so the edge points show whole', () => {
    const start = Date.parse('2026-01-01T00:00:00.000Z');
    const end = start + 100 * day;
    assert.deepEqual(sharedTimeDomain([end, start, start + day]), [start - 4 * day, end + 4 * day]);
  });

  it('spans two weeks around a single session', () => {
    const only = Date.parse('2026-11-03T15:00:00.000Z');
    assert.deepEqual(sharedTimeDomain([only]), [only - 7 * day, only + 7 * day]);
  });

  it('has no span without data', () => {
    assert.equal(sharedTimeDomain([]), null);
  });
});

describe('timeTicks', () => {
  it('puts at most the asked number of ticks on whole days inside the span', () => {
    const start = Date.parse('2026-01-01T12:00:00.000Z');
    const ticks = timeTicks([start, start + 30 * day], 4);
    assert.ok(ticks.length <= 4 && ticks.length >= 3, String(ticks.length));
    for (const tick of ticks) {
      assert.equal(tick % day, 0);
      assert.ok(tick >= start && tick <= start + 30 * day);
    }
  });

  it('never steps by less than a day', () => {
    const start = Date.parse('2026-01-01T00:00:00.000Z');
    assert.deepEqual(timeTicks([start, start + 2 * day], 10), [
      start,
      start + day,
      start + 2 * day,
    ]);
  });
});

describe('periods', () => {
  const latest = Date.parse('2026-11-27T15:00:00.000Z');

  it('counts a period back from the latest instant charted', () => {
    assert.equal(periodStart(latest, 'quarter'), latest - 91 * day);
    assert.equal(periodStart(latest, 'year'), latest - 365 * day);
    assert.equal(periodStart(latest, 'all'), null);
  });

  it('shows everything of a year or less, and the last year of a longer history', () => {
    assert.equal(defaultPeriod([latest - 365 * day, latest]), 'all');
    assert.equal(defaultPeriod([latest - 366 * day, latest]), 'year');
    assert.equal(defaultPeriod([]), 'all');
  });
});
