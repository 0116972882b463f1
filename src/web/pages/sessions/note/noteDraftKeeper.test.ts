import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyNoteContent, type NoteContent } from '../../../../domain/notes.js';
import { ApiProblem } from '../../../api/client.js';
import type { NoteRecord, NoteView } from '../../../api/notes.js';
import type { DraftStorage, StoredDraft } from './draftStorage.js';
import { NoteDraftKeeper } from './noteDraftKeeper.js';

function memoryStorage(
  initial: StoredDraft | null = null,
): DraftStorage & { held: StoredDraft | null } {
  const storage = {
    held: initial,
    read: () => storage.held,
    write: (draft: StoredDraft) => {
      storage.held = draft;
      return true;
    },
    remove: () => {
      storage.held = null;
    },
  };
  return storage;
}

function noteAt(version: number, content: NoteContent = emptyNoteContent): NoteView {
  return {
    sessionId: 's1',
    clientId: 'c1',
    authorId: 'u1',
    content,
    status: 'draft',
    signedAt: null,
    signedBy: null,
    version,
    createdAt: '2026-11-27T15:00:00.000Z',
    updatedAt: '2026-11-27T15:00:00.000Z',
  };
}

const withReason = (reasonForVisit: string): NoteContent => ({
  ...emptyNoteContent,
  subjective: { ...emptyNoteContent.subjective, reasonForVisit },
});

/** A server that accepts a save naming its current version, and answers 412 otherwise. */
function fakeServer(version: number, content: NoteContent = emptyNoteContent) {
  const server = {
    version,
    content,
    saves: [] as { etag: string; content: NoteContent }[],
    reachable: true,
    save: async (sent: NoteContent, etag: string) => {
      if (!server.reachable) throw new TypeError('Failed to fetch');
      server.saves.push({ etag, content: sent });
      if (etag !== `"${server.version}"`) {
        throw new ApiProblem(412, {
          type: '/problems/stale-version',
          title: 'Changed by someone else.',
          current: noteAt(server.version, server.content),
        });
      }
      server.version += 1;
      server.content = sent;
      return { note: noteAt(server.version, sent), etag: `"${server.version}"` };
    },
  };
  return server;
}

function keeperFor(
  server: ReturnType<typeof fakeServer>,
  record: NoteRecord,
  storage: DraftStorage,
) {
  return new NoteDraftKeeper({
    server: record,
    storage,
    save: server.save,
    isOnline: () => server.reachable,
  });
}

describe('NoteDraftKeeper', () => {
  it('keeps every change on this device at once, before any save', () => {
    const storage = memoryStorage();
    const server = fakeServer(0);
    const keeper = keeperFor(server, { note: null, addenda: [], etag: '"0"' }, storage);
    keeper.change(() => withReason('Stiff neck'));
    assert.equal(storage.held?.content.subjective.reasonForVisit, 'Stiff neck');
    assert.equal(storage.held?.baseEtag, '"0"');
    assert.equal(keeper.getSnapshot().state.kind, 'pending');
    assert.equal(server.saves.length, 0);
  });

  it('saves naming the version it was based on, then forgets the device copy', async () => {
    const storage = memoryStorage();
    const server = fakeServer(0);
    const keeper = keeperFor(server, { note: null, addenda: [], etag: '"0"' }, storage);
    keeper.change(() => withReason('Stiff neck'));
    assert.equal(await keeper.flush(), true);
    assert.deepEqual(
      server.saves.map((save) => save.etag),
      ['"0"'],
    );
    assert.equal(keeper.getSnapshot().etag, '"1"');
    assert.equal(storage.held, null);
  });

  it('waits while offline, keeping the changes, and saves once the connection is back', async () => {
    const storage = memoryStorage();
    const server = fakeServer(1);
    const keeper = keeperFor(server, { note: noteAt(1), addenda: [], etag: '"1"' }, storage);
    server.reachable = false;
    keeper.change(() => withReason('Typed on the train'));
    assert.equal(await keeper.flush(), false);
    assert.equal(keeper.getSnapshot().state.kind, 'offline');
    assert.equal(storage.held?.content.subjective.reasonForVisit, 'Typed on the train');
    server.reachable = true;
    assert.equal(await keeper.flush(), true);
    assert.equal(server.content.subjective.reasonForVisit, 'Typed on the train');
  });

  it('stops at a conflict and sends nothing more until the person chooses', async () => {
    const storage = memoryStorage();
    const server = fakeServer(1);
    const keeper = keeperFor(server, { note: noteAt(1), addenda: [], etag: '"1"' }, storage);
    server.version = 2;
    server.content = withReason('Written in the other tab');
    keeper.change(() => withReason('Written here'));
    await keeper.flush();
    const state = keeper.getSnapshot().state;
    assert.equal(state.kind, 'conflict');
    keeper.change((content) => ({ ...content, plan: { ...content.plan, homeCare: 'Heat' } }));
    await keeper.flush();
    assert.equal(server.saves.length, 1);
    assert.equal(server.content.subjective.reasonForVisit, 'Written in the other tab');
    assert.equal(storage.held?.content.plan.homeCare, 'Heat');
  });

  it('overwrites the other version only when asked to, naming that version', async () => {
    const storage = memoryStorage();
    const server = fakeServer(1);
    const keeper = keeperFor(server, { note: noteAt(1), addenda: [], etag: '"1"' }, storage);
    server.version = 2;
    keeper.change(() => withReason('Mine'));
    await keeper.flush();
    keeper.keepMine();
    await keeper.flush();
    assert.deepEqual(
      server.saves.map((save) => save.etag),
      ['"1"', '"2"'],
    );
    assert.equal(server.content.subjective.reasonForVisit, 'Mine');
  });

  it('loads the other version on request and drops the device copy', async () => {
    const storage = memoryStorage();
    const server = fakeServer(1);
    const keeper = keeperFor(server, { note: noteAt(1), addenda: [], etag: '"1"' }, storage);
    server.version = 2;
    server.content = withReason('Theirs');
    keeper.change(() => withReason('Mine'));
    await keeper.flush();
    keeper.useTheirs();
    assert.equal(keeper.getSnapshot().content.subjective.reasonForVisit, 'Theirs');
    assert.equal(keeper.getSnapshot().etag, '"2"');
    assert.equal(storage.held, null);
  });

  it('brings back unsaved changes made on this version of the note', () => {
    const storage = memoryStorage({
      content: withReason('Before the crash'),
      baseEtag: '"3"',
      changedAt: '2026-11-27T15:05:00.000Z',
    });
    const keeper = keeperFor(fakeServer(3), { note: noteAt(3), addenda: [], etag: '"3"' }, storage);
    const snapshot = keeper.getSnapshot();
    assert.equal(snapshot.restored, true);
    assert.equal(snapshot.state.kind, 'pending');
    assert.equal(snapshot.content.subjective.reasonForVisit, 'Before the crash');
  });

  it('treats changes made on an older version as a conflict, never applying them silently', () => {
    const storage = memoryStorage({
      content: withReason('Yesterday, offline'),
      baseEtag: '"2"',
      changedAt: '2026-11-26T15:05:00.000Z',
    });
    const server = fakeServer(4, withReason('Saved elsewhere since'));
    const keeper = keeperFor(
      server,
      { note: noteAt(4, server.content), addenda: [], etag: '"4"' },
      storage,
    );
    const snapshot = keeper.getSnapshot();
    assert.equal(snapshot.state.kind, 'conflict');
    assert.equal(snapshot.content.subjective.reasonForVisit, 'Yesterday, offline');
  });

  it('fills a new note from a template without saving it or keeping it on this device', () => {
    const storage = memoryStorage();
    const server = fakeServer(0);
    const keeper = keeperFor(server, { note: null, addenda: [], etag: '"0"' }, storage);
    assert.equal(
      keeper.prefill(() => withReason('Main complaint: ')),
      true,
    );
    const snapshot = keeper.getSnapshot();
    assert.equal(snapshot.content.subjective.reasonForVisit, 'Main complaint: ');
    assert.equal(snapshot.state.kind, 'saved');
    assert.equal(storage.held, null);
    assert.equal(server.saves.length, 0);
  });

  it('saves the template’s words with the therapist’s first change', async () => {
    const server = fakeServer(0);
    const keeper = keeperFor(server, { note: null, addenda: [], etag: '"0"' }, memoryStorage());
    keeper.prefill(() => withReason('Main complaint: '));
    keeper.change((content) => ({ ...content, plan: { ...content.plan, homeCare: 'Heat' } }));
    await keeper.flush();
    assert.equal(server.content.subjective.reasonForVisit, 'Main complaint: ');
    assert.equal(server.content.plan.homeCare, 'Heat');
  });

  it('never prefills a note that has been written in', () => {
    const keeper = keeperFor(
      fakeServer(1),
      { note: noteAt(1), addenda: [], etag: '"1"' },
      memoryStorage(),
    );
    assert.equal(
      keeper.prefill(() => withReason('Main complaint: ')),
      false,
    );
    assert.equal(keeper.getSnapshot().content.subjective.reasonForVisit, '');
  });

  it('never prefills over changes waiting to be saved', () => {
    const keeper = keeperFor(
      fakeServer(0),
      { note: null, addenda: [], etag: '"0"' },
      memoryStorage(),
    );
    keeper.change(() => withReason('Typed first'));
    assert.equal(
      keeper.prefill(() => withReason('Main complaint: ')),
      false,
    );
    assert.equal(keeper.getSnapshot().content.subjective.reasonForVisit, 'Typed first');
  });

  it('drops a device copy whose words the server already has', () => {
    const content = withReason('Saved just before the tab closed');
    const storage = memoryStorage({
      content,
      baseEtag: '"2"',
      changedAt: '2026-11-27T15:05:00.000Z',
    });
    const keeper = keeperFor(
      fakeServer(3, content),
      { note: noteAt(3, content), addenda: [], etag: '"3"' },
      storage,
    );
    assert.equal(keeper.getSnapshot().state.kind, 'saved');
    assert.equal(storage.held, null);
  });
});
