import type { FastifyRequest } from 'fastify';
import type { Client } from '../../domain/clients.js';
import { displayName } from '../../domain/clients.js';
import {
  disclosureBasis,
  missingBasisIssue,
  type DisclosureBasis,
} from '../../domain/disclosure.js';
import { Unprocessable } from '../../domain/errors.js';
import {
  RecordPdfRequest,
  orderedSections,
  recordSections,
  type ExternalRecipient,
} from '../../domain/record-export.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit-trail.js';
import { loadAuthorizedClient } from '../client-access.js';
import { zipArchive } from '../commands/archive-files.js';
import { clientCopyFiles } from '../commands/client-copy.js';
import { gatherClientRecord } from '../commands/client-record.js';
import { clientConsents } from '../commands/consents.js';
import type { AppContext } from '../context.js';
import { renderRecordPdf } from '../pdf/record-pdf.js';
import { IdParams, defineRoute, type RouteSpec } from '../routing.js';

/** "Dr Anna Berg (Riverside Physiotherapy)". */
const recipientName = (recipient: ExternalRecipient) =>
  `${recipient.name}${recipient.organisation ? ` (${recipient.organisation})` : ''}`;

function basisWords(basis: DisclosureBasis): string {
  return basis.kind === 'consent'
    ? `with the client’s consent to share records with ${basis.party}`
    : `without the client’s consent, for this legal reason: ${basis.reason}`;
}

/**
 * The client's record leaving the chart: as a PDF for the practice or for someone outside it
 * (a disclosure, which needs the client's consent to share with that party or a recorded legal
 * reason), and the client's own copy of everything held about them (right of access). Each is
 * logged with who received what and why, never with the clinical content itself.
 */
export function recordExportRoutes(context: AppContext): RouteSpec[] {
  const { store, runtime } = context;

  /** The basis for an outside recipient, or the refusal (audited) when there is none. */
  async function basisFor(
    request: FastifyRequest,
    actor: Actor,
    client: Client,
    recipient: ExternalRecipient,
    sections: string[],
  ): Promise<DisclosureBasis> {
    const consents = await clientConsents(
      store.db,
      runtime,
      { id: client.id, practiceId: actor.practiceId, dateOfBirth: client.dateOfBirth },
      actor.timeZone,
    );
    const basis = disclosureBasis(consents.entries, recipient);
    if (basis) return basis;
    await recordAudit(context, store.db, request, {
      action: 'record.disclose',
      recordType: 'client',
      recordId: client.id,
      clientId: client.id,
      outcome: 'denied',
      detail: {
        reason: 'no_consent_or_legal_reason',
        recipient: { name: recipient.name, organisation: recipient.organisation },
        sections,
      },
    });
    throw new Unprocessable('The record was not disclosed.', [missingBasisIssue(recipient)]);
  }

  return [
    defineRoute({
      method: 'POST',
      url: '/api/v1/clients/:id/record-pdf',
      operationId: 'downloadRecordPdf',
      summary:
        'The client’s record as a PDF: chosen sections and period, for the practice or, as an audited disclosure, for someone outside it (needs consent to share or a legal reason)',
      tag: 'records',
      auth: 'user',
      params: IdParams,
      body: RecordPdfRequest,
      responses: { 200: 'pdf', 400: null, 404: null, 422: null },
      handler: async ({ actor, params, body, request, reply }) => {
        const { client } = await loadAuthorizedClient(
          context,
          request,
          actor,
          params.id,
          'record.export',
        );
        const sections = orderedSections(body.sections);
        const period = { from: body.from, to: body.to };
        const recipient = body.recipient;
        const basis =
          recipient.kind === 'external'
            ? await basisFor(request, actor, client, recipient, sections)
            : null;
        const record = await gatherClientRecord(store.db, runtime, {
          practiceId: actor.practiceId,
          timeZone: actor.timeZone,
          client,
          sections,
          period,
          recipient:
            recipient.kind === 'external' && basis
              ? `${recipientName(recipient)}, ${basisWords(basis)}`
              : 'The practice’s own records',
          generatedBy: actor.displayName,
        });
        const pdf = await renderRecordPdf(record);
        await recordAudit(context, store.db, request, {
          action: recipient.kind === 'external' ? 'record.disclose' : 'record.export',
          recordType: 'client',
          recordId: client.id,
          clientId: client.id,
          detail: {
            format: 'pdf',
            sections,
            period,
            recipient:
              recipient.kind === 'external'
                ? { name: recipient.name, organisation: recipient.organisation }
                : 'practice',
            ...(basis ? { basis } : {}),
          },
        });
        return reply
          .type('application/pdf')
          .header(
            'content-disposition',
            `attachment; filename="client-record-${record.generatedAt.slice(0, 10)}.pdf"`,
          )
          .send(pdf);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/clients/:id/client-copy',
      operationId: 'downloadClientCopy',
      summary:
        'Everything held about the client in one zip, for their right of access: the record as PDF and every table that concerns them as CSV and JSON (owner; audited as a disclosure to the client)',
      tag: 'records',
      auth: 'user',
      params: IdParams,
      responses: { 200: 'zip', 404: null },
      handler: async ({ actor, params, request, reply }) => {
        const { client } = await loadAuthorizedClient(
          context,
          request,
          actor,
          params.id,
          'record.clientCopy',
        );
        const files = await clientCopyFiles(store.db, runtime, {
          practiceId: actor.practiceId,
          timeZone: actor.timeZone,
          client,
          generatedBy: actor.displayName,
          recipient: `${displayName(client)}, the client, for their right of access`,
        });
        const zip = zipArchive(files, runtime.now());
        await recordAudit(context, store.db, request, {
          action: 'record.disclose',
          recordType: 'client',
          recordId: client.id,
          clientId: client.id,
          detail: {
            format: 'zip',
            sections: [...recordSections],
            period: { from: null, to: null },
            recipient: 'client',
            basis: { kind: 'right_of_access' },
            files: Object.keys(files).length,
          },
        });
        return reply
          .type('application/zip')
          .header(
            'content-disposition',
            `attachment; filename="client-copy-${runtime.now().toISOString().slice(0, 10)}.zip"`,
          )
          .send(Buffer.from(zip));
      },
    }),
  ];
}
