/**
 * A queue that hands what was pushed on in groups: what is pushed while the event loop is busy,
 * or while the previous group commits, goes together, up to `maxGroup` at a time; something
 * pushed alone goes on the next turn of the event loop. The audit trail's standalone events
 * and grouped clinical writes share one commit this way.
 */
export class CommitQueue<Item> {
  readonly #maxGroup: number;
  readonly #commit: (group: Item[]) => Promise<void>;
  #queue: Item[] = [];
  #draining = false;

  constructor(maxGroup: number, commit: (group: Item[]) => Promise<void>) {
    this.#maxGroup = maxGroup;
    this.#commit = commit;
  }

  push(item: Item): void {
    this.#queue.push(item);
    if (this.#draining) return;
    this.#draining = true;
    setImmediate(() => void this.#drain());
  }

  async #drain(): Promise<void> {
    try {
      while (this.#queue.length > 0) await this.#commit(this.#queue.splice(0, this.#maxGroup));
    } finally {
      this.#draining = false;
    }
  }
}
