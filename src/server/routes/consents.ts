import { z } from 'zod';
import {
  ConsentSignatureInput,
  ConsentTextInput,
  ConsentWithdrawalInput,
} from '../../domain/consent.js';
import {
  ClientConsentsView,
  ConsentSignatureView,
  ConsentTextList,
  ConsentTextView,
} from '../../domain/consent-views.js';
import { displayName } from '../../domain/clients.js';
import { Conflict } from '../../domain/errors.js';
import {
  ensureConsentTexts,
  insertConsentWithdrawal,
  listConsentTexts,
  publishConsentText,
} from '../../store/consents.js';
import { findPractice } from '../../store/practices.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit-trail.js';
import { loadAuthorizedClient } from '../client-access.js';
import {
  clientConsents,
  recordConsentSignature,
  signatureOf,
  type ConsentClient,
} from '../commands/consents.js';
import type { AppContext } from '../context.js';
import { renderConsentPdf } from '../pdf/consent-pdf.js';
import { authorize } from '../policy.js';
import { defineRoute, type RouteSpec } from '../routing.js';

const ClientParams = z.object({ clientId: z.string().min(1).max(64) });
const SignatureParams = ClientParams.extend({ signatureId: z.string().min(1).max(64) });

/**
 * A drawn signature may be up to ~200 KB; the body limit leaves room for the rest and refuses
 * a pasted photo (a 10 MB image) with 413 before it is parsed.
 */
export const signatureBodyLimit = 256 * 1024;

const consentClient = (actor: Actor, client: { id: string; dateOfBirth: string | null }) =>
  ({
    id: client.id,
    practiceId: actor.practiceId,
    dateOfBirth: client.dateOfBirth,
  }) satisfies ConsentClient;

export function consentRoutes(context: AppContext): RouteSpec[] {
  const { store, runtime } = context;
  const seedTexts = (practiceId: string) =>
    ensureConsentTexts(store.db, practiceId, {
      now: runtime.now().toISOString(),
      newId: () => runtime.newId(),
    });
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/consent-texts',
      operationId: 'listConsentTexts',
      summary: 'The consent texts clients sign now (one per kind) and every earlier version',
      tag: 'consents',
      auth: 'user',
      responses: { 200: ConsentTextList },
      handler: async ({ actor }) => {
        authorize(actor, 'consentText.read');
        await seedTexts(actor.practiceId);
        const history = await listConsentTexts(store.db, actor.practiceId);
        const current = history.filter(
          (text) =>
            !history.some((other) => other.kind === text.kind && other.version > text.version),
        );
        return { current, history };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/consent-texts',
      operationId: 'publishConsentText',
      summary: 'Publish a new version of a consent text (owner); earlier versions stay as signed',
      tag: 'consents',
      auth: 'user',
      body: ConsentTextInput,
      responses: { 201: ConsentTextView, 409: null },
      handler: async ({ actor, body, request, reply }) => {
        authorize(actor, 'consentText.publish');
        await seedTexts(actor.practiceId);
        const published = await store.db.transaction().execute(async (trx) => {
          const text = await publishConsentText(trx, {
            id: runtime.newId(),
            practiceId: actor.practiceId,
            input: body,
            userId: actor.userId,
            now: runtime.now().toISOString(),
          });
          await recordAudit(context, trx, request, {
            action: 'consentText.publish',
            recordType: 'consent_text',
            recordId: text.id,
            detail: { kind: text.kind, version: text.version },
          });
          return text;
        });
        void reply.code(201);
        return published;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/clients/:clientId/consents',
      operationId: 'getClientConsents',
      summary: 'Which consents a client has: current, expired, missing … per kind (audited)',
      tag: 'consents',
      auth: 'user',
      params: ClientParams,
      responses: { 200: ClientConsentsView, 404: null },
      handler: async ({ actor, params, request }) => {
        const { client } = await loadAuthorizedClient(
          context,
          request,
          actor,
          params.clientId,
          'consent.read',
        );
        const consents = await clientConsents(
          store.db,
          runtime,
          consentClient(actor, client),
          actor.timeZone,
        );
        await recordAudit(context, store.db, request, {
          action: 'consent.read',
          recordType: 'client',
          recordId: client.id,
          clientId: client.id,
        });
        return consents;
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/clients/:clientId/consents',
      operationId: 'signConsent',
      summary:
        'Record a consent signed on the practice’s device by the client or, for a minor, a guardian',
      tag: 'consents',
      auth: 'user',
      params: ClientParams,
      body: ConsentSignatureInput,
      bodyLimit: signatureBodyLimit,
      responses: { 201: ConsentSignatureView, 400: null, 404: null, 413: null, 422: null },
      handler: async ({ actor, params, body, request, reply }) => {
        const { client } = await loadAuthorizedClient(
          context,
          request,
          actor,
          params.clientId,
          'consent.record',
        );
        const signature = await store.db.transaction().execute(async (trx) => {
          const signed = await recordConsentSignature(trx, runtime, {
            client: consentClient(actor, client),
            timeZone: actor.timeZone,
            input: body,
            ip: request.ip,
            userAgent: request.headers['user-agent'] ?? '',
            channel: 'tablet',
            recordedBy: actor.userId,
          });
          await recordAudit(context, trx, request, {
            action: 'consent.sign',
            recordType: 'consent',
            recordId: signed.id,
            clientId: client.id,
            detail: {
              kind: signed.kind,
              textVersion: signed.textVersion,
              signerRole: signed.signerRole,
              method: signed.signature.method,
              channel: 'tablet',
            },
          });
          return signed;
        });
        void reply.code(201);
        return signature;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/clients/:clientId/consents/:signatureId',
      operationId: 'getConsentSignature',
      summary: 'One signed consent with the exact text signed (audited)',
      tag: 'consents',
      auth: 'user',
      params: SignatureParams,
      responses: { 200: ConsentSignatureView, 404: null },
      handler: async ({ actor, params, request }) => {
        const { client } = await loadAuthorizedClient(
          context,
          request,
          actor,
          params.clientId,
          'consent.read',
        );
        const signature = await signatureOf(
          store.db,
          consentClient(actor, client),
          params.signatureId,
        );
        await recordAudit(context, store.db, request, {
          action: 'consent.read',
          recordType: 'consent',
          recordId: signature.id,
          clientId: client.id,
        });
        return signature;
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/clients/:clientId/consents/:signatureId/withdraw',
      operationId: 'withdrawConsent',
      summary: 'Record that the client withdrew a consent, with the reason; the signature stays',
      tag: 'consents',
      auth: 'user',
      params: SignatureParams,
      body: ConsentWithdrawalInput,
      responses: { 200: ConsentSignatureView, 404: null, 409: null },
      handler: async ({ actor, params, body, request }) => {
        const { client } = await loadAuthorizedClient(
          context,
          request,
          actor,
          params.clientId,
          'consent.withdraw',
        );
        const owner = consentClient(actor, client);
        return store.db.transaction().execute(async (trx) => {
          const signature = await signatureOf(trx, owner, params.signatureId);
          const withdrawn = await insertConsentWithdrawal(trx, {
            signatureId: signature.id,
            practiceId: actor.practiceId,
            clientId: client.id,
            reason: body.reason,
            userId: actor.userId,
            now: runtime.now().toISOString(),
          });
          if (!withdrawn) throw new Conflict('This consent has already been withdrawn.');
          await recordAudit(context, trx, request, {
            action: 'consent.withdraw',
            recordType: 'consent',
            recordId: signature.id,
            clientId: client.id,
            detail: { kind: signature.kind },
          });
          return signatureOf(trx, owner, signature.id);
        });
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/clients/:clientId/consents/:signatureId/pdf',
      operationId: 'downloadConsentPdf',
      summary: 'A signed consent as a PDF: the exact text, signer, time, device (audited export)',
      tag: 'consents',
      auth: 'user',
      params: SignatureParams,
      responses: { 200: 'pdf', 404: null },
      handler: async ({ actor, params, request, reply }) => {
        const { client } = await loadAuthorizedClient(
          context,
          request,
          actor,
          params.clientId,
          'consent.read',
        );
        const signature = await signatureOf(
          store.db,
          consentClient(actor, client),
          params.signatureId,
        );
        const practice = await findPractice(store.db, actor.practiceId);
        const pdf = await renderConsentPdf({
          practiceName: practice?.name ?? '',
          timeZone: actor.timeZone,
          clientName: displayName(client),
          clientBirthDate: client.dateOfBirth,
          signature,
        });
        await recordAudit(context, store.db, request, {
          action: 'consent.export',
          recordType: 'consent',
          recordId: signature.id,
          clientId: client.id,
          detail: { format: 'pdf' },
        });
        return reply
          .type('application/pdf')
          .header(
            'content-disposition',
            `attachment; filename="consent-${signature.kind}-${signature.signedAt.slice(0, 10)}.pdf"`,
          )
          .send(pdf);
      },
    }),
  ];
}
