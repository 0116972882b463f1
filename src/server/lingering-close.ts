import type { Socket } from 'node:net';

/** How long a refused upload's connection keeps reading after the answer, at most. */
export const lingerMilliseconds = 2000;

/**
 * When the server answers before it has read the whole request (an upload over the limit),
 * Node closes the connection as soon as the answer is written. The sender is usually still
 * writing, so the close arrives as a TCP reset, and a reset can make the sender's side discard
 * the answer it had not yet read: the user sees "connection reset" instead of "at most 20 MB".
 *
 * The remedy is the "lingering close" of Apache and nginx: send the answer, close our half of
 * the connection, and keep reading (and discarding) what is still arriving until the sender
 * stops or a short time has passed. The discarded bytes are never buffered.
 */
export function lingerBeforeClosing(socket: Socket | null | undefined): void {
  if (!socket || socket.destroyed) return;
  socket.destroySoon = function lingeringClose(this: Socket): void {
    const timer = setTimeout(() => this.destroy(), lingerMilliseconds);
    timer.unref();
    this.once('close', () => clearTimeout(timer));
    // The sender closing its side ends the wait early.
    this.once('end', () => this.destroy());
    if (this.writable) this.end();
  };
}
