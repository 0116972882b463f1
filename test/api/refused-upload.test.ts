import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createPractice } from '../support/factories.js';
import type { ApiClient } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

const megabyte = 1024 * 1024;

/**
 * Writes a whole `megabytes` upload with its stated length before reading anything, as a slow
 * or simple client does, then reads the answer. Resolves with the answer's raw text, or with
 * the error that stopped the writing.
 */
function uploadThenRead(
  url: string,
  owner: ApiClient,
  megabytes: number,
): Promise<{ answer: string; writeError?: string }> {
  const target = new URL(`${url}/api/v1/imports/fhir`);
  return new Promise((resolve) => {
    const socket = net.connect(Number(target.port), target.hostname);
    let answer = '';
    let writeError: string | undefined;
    const readAnswer = () => {
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
      socket.on('close', () => resolve({ answer, ...(writeError ? { writeError } : {}) }));
      socket.resume();
    };
    socket.on('error', (error: NodeJS.ErrnoException) => {
      writeError ??= error.code ?? error.message;
    });
    socket.write(
      [
        `POST ${target.pathname} HTTP/1.1`,
        `Host: ${target.host}`,
        'Content-Type: application/fhir+json',
        `Content-Length: ${megabytes * megabyte}`,
        `Cookie: ${owner.cookie}`,
        `X-CSRF-Token: ${owner.csrfToken}`,
        '',
        '',
      ].join('\r\n'),
    );
    const chunk = Buffer.alloc(megabyte, 0x20);
    let sent = 0;
    const writeMore = (): void => {
      if (sent === megabytes) return readAnswer();
      sent += 1;
      socket.write(chunk, (error) => {
        if (error) {
          writeError ??= (error as NodeJS.ErrnoException).code ?? error.message;
          return readAnswer();
        }
        writeMore();
      });
    };
    writeMore();
  });
}

describe('an upload refused while it is still being sent', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer('sqlite');
  });
  after(async () => {
    await server?.close();
  });

  // Before the lingering close, the server reset the connection the moment its 413 was written;
  // this sender's next write failed (EPIPE) and the answer was lost with the connection.
  it('keeps the connection open until the sender has finished, so the 413 reaches it', async () => {
    const { owner } = await createPractice(server);
    const { answer, writeError } = await uploadThenRead(server.url, owner, 24);
    assert.equal(writeError, undefined, `the upload was cut off: ${writeError}`);
    assert.match(answer, /^HTTP\/1\.1 413 /);
    assert.match(answer, /at most 20 MB/);
    assert.match(answer, /\r\nconnection: close\r\n/i);
  });

  it('stops listening to a sender that never stops, a moment after answering', async () => {
    const { owner } = await createPractice(server);
    const started = Date.now();
    const { answer, writeError } = await uploadThenRead(server.url, owner, 100_000);
    const seconds = (Date.now() - started) / 1000;
    assert.ok(writeError, 'the server kept reading an endless upload');
    assert.ok(seconds < 2 + 10, `the connection stayed open ${seconds} s`);
    assert.ok(answer === '' || /^HTTP\/1\.1 413 /.test(answer), answer.slice(0, 80));
  });
});
