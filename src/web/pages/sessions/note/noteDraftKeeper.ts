import { emptyNoteContent, type NoteContent } from '../../../../domain/notes.js';
import { ApiProblem, versionTag } from '../../../api/client.js';
import { NoteView, type NoteRecord } from '../../../api/notes.js';
import { sameContent, type DraftStorage } from './draftStorage.js';

export type SaveState =
  | { kind: 'saved' }
  /** Changed; the save goes out when typing pauses. */
  | { kind: 'pending' }
  | { kind: 'saving' }
  /** No connection: the changes wait on this device and go out when it is back. */
  | { kind: 'offline' }
  /** Someone saved another version first; nothing is sent until the person chooses. */
  | { kind: 'conflict'; theirs: NoteView }
  | { kind: 'failed'; error: unknown };

export interface DraftSnapshot {
  content: NoteContent;
  /** The server version this content was based on; the next save names it in If-Match. */
  etag: string;
  state: SaveState;
  /** This device held changes the server did not have, and they were brought back. */
  restored: boolean;
  /** Whether the device copy could be written (storage full or disabled says false). */
  keptOnDevice: boolean;
  /** Counts replacements of the whole content from elsewhere, so fields can start afresh. */
  revision: number;
}

export interface KeeperOptions {
  server: NoteRecord;
  storage: DraftStorage;
  save: (content: NoteContent, etag: string) => Promise<{ note: NoteView; etag: string }>;
  delayMs?: number;
  retryMs?: number;
  isOnline?: () => boolean;
}

/** What a load finds: the server's note, or this device's unsaved changes to it. */
function initialSnapshot(server: NoteRecord, storage: DraftStorage): DraftSnapshot {
  const base = server.note?.content ?? emptyNoteContent;
  const saved: DraftSnapshot = {
    content: base,
    etag: server.etag,
    state: { kind: 'saved' },
    restored: false,
    keptOnDevice: true,
    revision: 0,
  };
  const stored = storage.read();
  if (!stored || server.note?.signedAt) return saved;
  // The server already has these words (a tab closed before it heard its save succeed).
  if (sameContent(stored.content, base)) {
    storage.remove();
    return saved;
  }
  if (stored.baseEtag === server.etag || server.note === null) {
    return { ...saved, content: stored.content, state: { kind: 'pending' }, restored: true };
  }
  // The server moved on while these changes waited here: the person decides, never a merge.
  return {
    ...saved,
    content: stored.content,
    state: { kind: 'conflict', theirs: server.note },
    restored: true,
  };
}

/**
 * Keeps a draft note safe: every change goes to this device's storage at once and to the
 * server a moment after typing stops, naming the version it was based on. A save that finds
 * another version there stops and asks; a save that cannot reach the server waits for the
 * connection and tries again.
 */
export class NoteDraftKeeper {
  private snapshot: DraftSnapshot;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private readonly delayMs: number;
  private readonly retryMs: number;
  private readonly isOnline: () => boolean;

  constructor(private readonly options: KeeperOptions) {
    this.snapshot = initialSnapshot(options.server, options.storage);
    this.delayMs = options.delayMs ?? 1000;
    this.retryMs = options.retryMs ?? 15_000;
    this.isOnline = options.isOnline ?? (() => navigator.onLine);
  }

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  readonly getSnapshot = () => this.snapshot;

  start(): void {
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    if (this.snapshot.state.kind === 'pending') this.schedule(0);
  }

  /** Leaving the page: send what is waiting rather than wait for the pause. */
  stop(): void {
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    const waiting = this.timer !== null;
    this.clearTimer();
    if (waiting && this.snapshot.state.kind !== 'conflict') void this.send();
  }

  change(update: (content: NoteContent) => NoteContent): void {
    const content = update(this.snapshot.content);
    const held = this.snapshot.state.kind === 'conflict';
    this.set({ content, state: held ? this.snapshot.state : { kind: 'pending' } });
    this.keepOnDevice();
    if (!held) this.schedule(this.delayMs);
  }

  /**
   * Changes a note nobody has written in yet without saving it or keeping it on this device:
   * a template's prompts become the therapist's note only once they write in it, so opening
   * a session never starts a draft. False (and nothing changed) once the note has begun.
   */
  prefill(update: (content: NoteContent) => NoteContent): boolean {
    const { etag, state, restored, revision } = this.snapshot;
    if (etag !== '"0"' || state.kind !== 'saved' || restored) return false;
    this.set({ content: update(this.snapshot.content), revision: revision + 1 });
    return true;
  }

  /** Saves now; true when the server has every change. */
  async flush(): Promise<boolean> {
    this.clearTimer();
    if (this.snapshot.state.kind !== 'saved') await this.send();
    return this.snapshot.state.kind === 'saved';
  }

  /** Conflict: take the other version and drop this device's changes. */
  useTheirs(): void {
    const { state } = this.snapshot;
    if (state.kind !== 'conflict') return;
    this.options.storage.remove();
    this.set({
      content: state.theirs.content,
      etag: versionTag(state.theirs.version),
      state: { kind: 'saved' },
      revision: this.snapshot.revision + 1,
    });
  }

  /** Conflict: deliberately replace the other version with this one. */
  keepMine(): void {
    const { state } = this.snapshot;
    if (state.kind !== 'conflict') return;
    this.set({ etag: versionTag(state.theirs.version), state: { kind: 'pending' } });
    this.keepOnDevice();
    void this.send();
  }

  /** The server's own new version (after signing): nothing here is left unsaved. */
  replace(note: NoteView, etag: string): void {
    this.clearTimer();
    this.options.storage.remove();
    this.set({
      content: note.content,
      etag,
      state: { kind: 'saved' },
      revision: this.snapshot.revision + 1,
    });
  }

  private readonly onOnline = () => {
    const kind = this.snapshot.state.kind;
    if (kind === 'offline' || kind === 'failed' || kind === 'pending') void this.send();
  };

  private readonly onOffline = () => {
    if (this.snapshot.state.kind === 'pending') this.set({ state: { kind: 'offline' } });
  };

  private async send(): Promise<void> {
    if (this.inFlight) {
      await this.inFlight;
      if (this.snapshot.state.kind !== 'pending') return;
    }
    if (this.snapshot.state.kind === 'conflict') return;
    this.clearTimer();
    if (!this.isOnline()) {
      this.set({ state: { kind: 'offline' } });
      return;
    }
    const sent = this.snapshot.content;
    this.set({ state: { kind: 'saving' } });
    this.inFlight = this.options.save(sent, this.snapshot.etag).then(
      (saved) => {
        const unchanged = this.snapshot.content === sent;
        this.set({ etag: saved.etag, state: { kind: unchanged ? 'saved' : 'pending' } });
        if (unchanged) this.options.storage.remove();
        else {
          this.keepOnDevice();
          this.schedule(this.delayMs);
        }
      },
      (error: unknown) => this.failed(error),
    );
    try {
      await this.inFlight;
    } finally {
      this.inFlight = null;
    }
  }

  private failed(error: unknown): void {
    if (error instanceof ApiProblem && error.status === 412) {
      const theirs = NoteView.safeParse(error.extensions.current);
      if (theirs.success) {
        this.set({ state: { kind: 'conflict', theirs: theirs.data } });
        return;
      }
    }
    if (!(error instanceof ApiProblem)) {
      // The request never reached an answer: a dropped connection or a server that is down.
      this.set({ state: { kind: 'offline' } });
      this.schedule(this.retryMs);
      return;
    }
    this.set({ state: { kind: 'failed', error } });
    if (error.status >= 500) this.schedule(this.retryMs);
  }

  private keepOnDevice(): void {
    const keptOnDevice = this.options.storage.write({
      content: this.snapshot.content,
      baseEtag: this.snapshot.etag,
      changedAt: new Date().toISOString(),
    });
    if (keptOnDevice !== this.snapshot.keptOnDevice) this.set({ keptOnDevice });
  }

  private schedule(delay: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.send();
    }, delay);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private set(changes: Partial<DraftSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...changes };
    for (const listener of this.listeners) listener();
  }
}
