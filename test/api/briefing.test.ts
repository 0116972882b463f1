import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertStatus } from '../support/assertions.js';
import { onlyAuditEvent } from '../support/audit.js';
import { dialects } from '../support/dialects.js';
import { recordVisits, type PlannedVisit } from '../support/effectiveness.js';
import {
  createClient,
  createPractice,
  createStaff,
  type PracticeFixture,
  type StaffFixture,
} from '../support/factories.js';
import { historyInput, saveHistory } from '../support/health-history.js';
import type { Json } from '../support/http.js';
import { createGoal, goalInput, scoreNewActivity } from '../support/outcomes.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { bookSession } from '../support/sessions.js';

const myofascial = { technique: 'myofascial_release', pressure: 3 };
const swedish = { technique: 'swedish', pressure: 2 };

/** Myofascial weeks bring three points of relief, Swedish-only weeks none. */
const visits: PlannedVisit[] = Array.from({ length: 8 }, (_, index) =>
  index % 2 === 0
    ? { painBefore: 7, painAfter: 4, techniques: [swedish, myofascial] }
    : { painBefore: 7, painAfter: 7, techniques: [swedish] },
);

for (const { dialect, skip } of dialects) {
  describe(`the pre-session briefing on ${dialect}`, { skip }, () => {
    let server: TestServer;
    let practice: PracticeFixture;
    let therapist: StaffFixture;
    let clientId: string;
    let sessionIds: string[];
    let todayId: string;
    let goalId: string;

    before(async () => {
      server = await startTestServer(dialect);
      practice = await createPractice(server, { careModel: 'assigned' });
      therapist = await createStaff(server, practice, 'therapist');
      const { client } = await createClient(practice.owner, { primaryTherapistId: therapist.id });
      clientId = client.id;
      const planned = [...visits];
      planned[7] = {
        ...planned[7]!,
        followUp: { relief: 2, soreness: 8, reactions: ['headache'] },
      };
      sessionIds = await recordVisits(
        therapist.client,
        { clientId, therapistId: therapist.id },
        planned,
      );
      await saveHistory(
        practice.owner,
        clientId,
        historyInput({ preferences: { pressure: 2, draping: 'Keep feet covered' } }),
      );
      const score = await scoreNewActivity(therapist.client, clientId, 'Turning head to drive', 3);
      goalId = (await createGoal(therapist.client, clientId, goalInput(score.activityId))).goal.id;
      const { session } = await bookSession(therapist.client, {
        clientId,
        therapistId: therapist.id,
        startsAt: '2026-11-28T15:00:00.000Z',
      });
      todayId = session.id;
    });
    after(async () => {
      await server?.close();
    });

    const section = (briefing: Json, key: string) =>
      briefing.sections.find((entry: Json) => entry.key === key);

    it('says what the record says, each statement linked to where it comes from', async () => {
      const response = await therapist.client.get(`/api/v1/sessions/${todayId}/briefing`);
      assertStatus(response, 200);
      const briefing = response.body;
      assert.equal(briefing.clientId, clientId);

      const alerts = section(briefing, 'alerts').statements;
      assert.ok(
        alerts.some(
          (statement: Json) =>
            statement.source.id === 'allergy.tree_nut' && statement.tone === 'danger',
        ),
        JSON.stringify(alerts),
      );

      const works = section(briefing, 'what_works').statements;
      const myofascialLine = works.find(
        (statement: Json) => statement.source.id === 'technique:myofascial_release',
      );
      assert.ok(myofascialLine, JSON.stringify(works));
      assert.equal(myofascialLine.tone, 'good');
      assert.match(
        myofascialLine.text,
        /^Myofascial release: Associated with 3\.0 more points of relief/,
      );
      assert.doesNotMatch(JSON.stringify(briefing), /causes/);
      assert.ok(sessionIds.includes(myofascialLine.source.sessionId));

      const last = section(briefing, 'last_session').statements;
      assert.equal(last[0].text, 'Last visit 2026-02-23: pain 7 → 7 of 10.');
      assert.ok(last.every((statement: Json) => statement.source.sessionId === sessionIds[7]));
      const followUp = last.at(-1);
      assert.equal(followUp.source.kind, 'follow_up');
      assert.equal(followUp.tone, 'danger');
      assert.match(followUp.text, /soreness 8\/10, headache/);

      const care = section(briefing, 'care').statements;
      const goal = care.find((statement: Json) => statement.source.kind === 'goal');
      assert.equal(goal.source.id, goalId);
      assert.match(goal.text, /target ≥ 8, latest 3/);

      assert.deepEqual(
        section(briefing, 'preferences').statements.map((statement: Json) => statement.text),
        ['Preferred pressure: 2 (moderate)', 'Draping: Keep feet covered'],
      );
    });

    it('is audited as a clinical read of the client', async () => {
      const event = await onlyAuditEvent(practice.owner, {
        action: 'session.briefing',
        recordId: todayId,
      });
      assert.equal(event.clientId, clientId);
      assert.equal(event.outcome, 'success');
    });

    it('is refused to the front desk and hidden from a therapist outside the care team', async () => {
      const frontDesk = await createStaff(server, practice, 'front_desk');
      const outsider = await createStaff(server, practice, 'therapist');
      assertStatus(await frontDesk.client.get(`/api/v1/sessions/${todayId}/briefing`), 403);
      assertStatus(await outsider.client.get(`/api/v1/sessions/${todayId}/briefing`), 404);
    });

    it('briefs sensibly on a client with no pain recorded at all, and on a first visit', async () => {
      const briefOn = async (visits: PlannedVisit[]) => {
        const { client } = await createClient(practice.owner, {
          primaryTherapistId: therapist.id,
        });
        await recordVisits(
          therapist.client,
          { clientId: client.id, therapistId: therapist.id },
          visits,
        );
        const { session } = await bookSession(therapist.client, {
          clientId: client.id,
          therapistId: therapist.id,
          startsAt: '2026-11-28T16:00:00.000Z',
        });
        const response = await therapist.client.get(`/api/v1/sessions/${session.id}/briefing`);
        assertStatus(response, 200);
        return response.body;
      };
      const texts = (briefing: Json, key: string) =>
        section(briefing, key).statements.map((statement: Json) => statement.text);

      // Four signed visits with techniques and follow-ups, never a pain score.
      const painless = await briefOn(
        Array.from({ length: 4 }, () => ({
          painBefore: null,
          painAfter: null,
          techniques: [swedish],
          followUp: { relief: 5, soreness: 2 },
        })),
      );
      assert.deepEqual(texts(painless, 'what_works'), []);
      assert.equal(
        section(painless, 'what_works').emptyText,
        'No clear pattern in this client’s signed sessions yet.',
      );
      const last = texts(painless, 'last_session');
      assert.ok(
        last.every((text: string) => !/pain/i.test(text)),
        JSON.stringify(last),
      );
      assert.match(last.at(-1), /^Follow-up after the last visit: relief 5\/10, soreness 2\/10/);

      const first = await briefOn([]);
      for (const key of ['care', 'what_works', 'preferences', 'last_session'])
        assert.deepEqual(texts(first, key), [], key);
      assert.equal(
        section(first, 'last_session').emptyText,
        'First visit: no earlier signed session.',
      );
      assert.equal(
        section(first, 'alerts').emptyText,
        'No health history recorded yet: ask about health before treating.',
      );
    });

    it('is told afresh as soon as anything it rests on changes, even by hand-written SQL', async () => {
      const path = `/api/v1/sessions/${todayId}/briefing`;
      const read = async () => {
        const response = await therapist.client.get(path);
        assertStatus(response, 200);
        return response.body;
      };
      const first = await read();
      assert.deepEqual(await read(), first, 'an unchanged record briefs the same');

      // The client's record: a new health-history version.
      await saveHistory(practice.owner, clientId, historyInput({ preferences: { pressure: 4 } }));
      const preferences = section(await read(), 'preferences').statements;
      assert.equal(preferences[0].text, 'Preferred pressure: 4 (deep)');

      // The practice's catalogue: the technique's new name reaches what works.
      assertStatus(
        await practice.owner.put('/api/v1/catalogue/techniques/myofascial_release', {
          name: 'MFR',
          retired: false,
        }),
        200,
      );
      const works = section(await read(), 'what_works').statements;
      assert.ok(
        works.some((statement: Json) => /^MFR: /.test(statement.text)),
        JSON.stringify(works),
      );

      // A change no API made: the database's own triggers say the record moved.
      await server.store.db
        .updateTable('clients')
        .set({ preferred_name: 'Bea' })
        .where('id', '=', clientId)
        .execute();
      assert.match((await read()).clientName, /^Bea /);
    });

    it('answers 404 for a session that does not exist', async () => {
      const response = await therapist.client.get(
        '/api/v1/sessions/0190a8e4-0000-7000-8000-000000000000/briefing',
      );
      assertStatus(response, 404);
    });
  });
}
