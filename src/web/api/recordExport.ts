import type { RecordPdfRequest } from '../../domain/record-export.js';
import { requestFile } from './client.js';

const clientPath = (clientId: string) => `/api/v1/clients/${encodeURIComponent(clientId)}`;

/** Hands a file to the browser to save, under the name the server chose. */
export function saveFile(file: { blob: Blob; filename: string }): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the bytes once the click is handled; free them a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The record as a PDF: the chosen sections and period, for the practice or an outside party. */
export async function downloadRecordPdf(clientId: string, request: RecordPdfRequest) {
  saveFile(await requestFile(`${clientPath(clientId)}/record-pdf`, request));
}

/** Everything held about the client, in one zip (owner only). */
export async function downloadClientCopy(clientId: string) {
  saveFile(await requestFile(`${clientPath(clientId)}/client-copy`));
}
