import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ConsentKind, LinkConsentSignatureInput } from '../../domain/consent.js';
import {
  alreadySignedThroughLink,
  consentLinkSteps,
  linkAsksFor,
  type ConsentLinkStep,
} from '../../domain/consent-link.js';
import { Conflict, Invalid, NotFound, Unprocessable } from '../../domain/errors.js';
import { findClient } from '../../store/clients.js';
import { listConsentTexts } from '../../store/consents.js';
import {
  findClientLinkByToken,
  resolveClientLink,
  type StoredClientLink,
} from '../../store/intake.js';
import { insertLinkConsent, linkConsentKinds } from '../../store/link-consents.js';
import { findPractice } from '../../store/practices.js';
import { recordAudit } from '../audit-trail.js';
import {
  clientConsents,
  recordConsentSignature,
  type ConsentClient,
} from '../commands/consents.js';
import type { AppContext } from '../context.js';
import { refuseDeadLink } from '../public-links.js';
import { defineRoute, type RouteSpec } from '../routing.js';
import { signatureBodyLimit } from './consents.js';

/**
 * Consent signed by the client (or a minor's guardian) through their secure intake link, before
 * the form is sent: once the form is sent the link is used, and signing answers like any dead
 * link. The checks are the tablet's own (recordConsentSignature); only the channel differs.
 */
const TokenParams = z.object({ token: z.string().max(200) });
const SignedThroughLink = z.object({ consentKind: ConsentKind, signedAt: z.string() });
const action = 'consent.sign';

/** The consent steps the link's page shows before the intake form (see consentLinkSteps). */
export async function linkConsentSteps(
  context: AppContext,
  link: StoredClientLink,
  client: { id: string; dateOfBirth: string | null },
  timeZone: string,
): Promise<ConsentLinkStep[]> {
  const { store, runtime } = context;
  const owner: ConsentClient = {
    id: client.id,
    practiceId: link.practiceId,
    dateOfBirth: client.dateOfBirth,
  };
  const status = await clientConsents(store.db, runtime, owner, timeZone);
  const [texts, signed] = await Promise.all([
    listConsentTexts(store.db, link.practiceId),
    linkConsentKinds(store.db, link.id),
  ]);
  return consentLinkSteps(status, currentTexts(texts), signed);
}

/** Texts come newest version first per kind: the first of each kind is the one signed now. */
function currentTexts<T extends { kind: string }>(texts: readonly T[]): T[] {
  return texts.filter(
    (text, index) => texts.findIndex((other) => other.kind === text.kind) === index,
  );
}

export function publicConsentRoutes(context: AppContext): RouteSpec[] {
  const { store, runtime, config } = context;
  const rateLimit = { max: config.publicLinkRateLimitPerMinute, timeWindow: '1 minute' };

  /** A refusal of well-formed input, audited with which fields, never what was sent. */
  async function auditRefusal(
    request: FastifyRequest,
    link: StoredClientLink,
    kind: string,
    error: unknown,
  ) {
    if (!(error instanceof Conflict || error instanceof Invalid)) return;
    await recordAudit(context, store.db, request, {
      action,
      outcome: 'failed',
      practiceId: link.practiceId,
      clientId: link.clientId,
      recordType: 'client_link',
      recordId: link.id,
      detail: {
        kind,
        channel: 'link',
        reason: error instanceof Conflict ? 'already_signed' : 'invalid',
        fields: error.issues.map((issue) => issue.field),
      },
    });
  }

  return [
    defineRoute({
      method: 'POST',
      url: '/api/v1/public/intake/:token/consents',
      operationId: 'signConsentThroughLink',
      summary:
        'The client (or a minor’s guardian) signs a consent the link asks for; once per kind',
      tag: 'public',
      auth: 'public',
      params: TokenParams,
      body: LinkConsentSignatureInput,
      rateLimit,
      // A drawn signature fits; a pasted photo (10 MB) is refused with 413 before parsing.
      bodyLimit: signatureBodyLimit,
      responses: {
        201: SignedThroughLink,
        400: null,
        404: null,
        409: null,
        413: null,
        422: null,
        429: null,
      },
      handler: async ({ params, body, request, reply }) => {
        const now = runtime.now();
        const link = await resolveClientLink(store.db, params.token, 'intake', now);
        if (!link)
          throw await refuseDeadLink(
            context,
            request,
            action,
            await findClientLinkByToken(store.db, params.token),
          );
        const [client, practice] = await Promise.all([
          findClient(store.db, link.practiceId, link.clientId),
          findPractice(store.db, link.practiceId),
        ]);
        if (!client || !practice || client.status === 'archived')
          throw await refuseDeadLink(context, request, action, link);
        const owner: ConsentClient = {
          id: client.id,
          practiceId: link.practiceId,
          dateOfBirth: client.dateOfBirth,
        };
        const { kind, ...signer } = body;
        try {
          const signed = await store.db.transaction().execute(async (trx) => {
            // The form may have been sent from another tab since: a used link signs nothing.
            if (!(await resolveClientLink(trx, params.token, 'intake', now))) return null;
            if ((await linkConsentKinds(trx, link.id)).includes(kind))
              throw new Conflict(alreadySignedThroughLink);
            const status = await clientConsents(trx, runtime, owner, practice.timeZone);
            const refusal = linkAsksFor(status, kind);
            if (refusal)
              throw new Unprocessable('The consent was not signed.', [
                { field: 'kind', message: refusal },
              ]);
            const text = currentTexts(await listConsentTexts(trx, link.practiceId)).find(
              (candidate) => candidate.kind === kind,
            )!;
            const signature = await recordConsentSignature(trx, runtime, {
              client: owner,
              timeZone: practice.timeZone,
              input: { ...signer, textId: text.id },
              ip: request.ip,
              userAgent: request.headers['user-agent'] ?? '',
              channel: 'link',
              recordedBy: null,
            });
            // Two taps racing past the check above: the loser's signature rolls back here.
            const noted = await insertLinkConsent(trx, {
              linkId: link.id,
              kind,
              signatureId: signature.id,
              practiceId: link.practiceId,
            });
            if (!noted) throw new Conflict(alreadySignedThroughLink);
            await recordAudit(context, trx, request, {
              action,
              practiceId: link.practiceId,
              clientId: client.id,
              recordType: 'consent',
              recordId: signature.id,
              detail: {
                kind,
                textVersion: signature.textVersion,
                signerRole: signature.signerRole,
                method: signature.signature.method,
                channel: 'link',
                linkId: link.id,
              },
            });
            return signature;
          });
          // The refusal is audited outside the rolled-back transaction, so it is kept.
          if (!signed)
            throw await refuseDeadLink(
              context,
              request,
              action,
              await findClientLinkByToken(store.db, params.token),
            );
          void reply.code(201);
          return { consentKind: signed.kind, signedAt: signed.signedAt };
        } catch (error) {
          if (!(error instanceof NotFound)) await auditRefusal(request, link, kind, error);
          throw error;
        }
      },
    }),
  ];
}
