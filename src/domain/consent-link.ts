import { z } from 'zod';
import { ConsentKind, consentKindLabels, type ConsentStatus, type ConsentText } from './consent.js';

/**
 * Consent asked for on a client's secure link, before the intake form on the same page. The
 * link asks only for what treatment needs (the domain's `required`: treatment consent, and
 * guardian consent for a minor) and only while it is not current; other kinds stay with the
 * practice, where staff can explain what sharing records or being contacted means.
 */
export const ConsentLinkStep = z.object({
  kind: z.literal('consent'),
  consentKind: ConsentKind,
  /** Signed through this link. */
  done: z.boolean(),
  /** Who signs: a parent or guardian for a client under 18, and for guardian consent. */
  signer: z.enum(['client', 'guardian']),
  /** The exact words to sign; the version is sent back so a newer text is never signed blind. */
  text: z.object({ title: z.string(), body: z.string(), version: z.number().int() }),
});
export type ConsentLinkStep = z.infer<typeof ConsentLinkStep>;

/**
 * The consent steps a link shows: each required kind that is not current, and each kind already
 * signed through this link (shown as done, so the page can say so after a reload).
 */
export function consentLinkSteps(
  status: ConsentStatus,
  currentTexts: readonly ConsentText[],
  signedThroughLink: readonly ConsentKind[],
): ConsentLinkStep[] {
  const steps: ConsentLinkStep[] = [];
  for (const entry of status.entries) {
    const done = signedThroughLink.includes(entry.kind);
    if (!entry.required || (entry.state === 'current' && !done)) continue;
    const text = currentTexts.find((candidate) => candidate.kind === entry.kind);
    if (!text) continue;
    steps.push({
      kind: 'consent',
      consentKind: entry.kind,
      done,
      signer: entry.signerMustBe,
      text: { title: text.title, body: text.body, version: text.version },
    });
  }
  return steps;
}

/** Whether a link may take a signature of this kind: only the kinds it asks for. */
export function linkAsksFor(status: ConsentStatus, kind: ConsentKind): string | null {
  const entry = status.entries.find((candidate) => candidate.kind === kind);
  return entry?.required
    ? null
    : `${consentKindLabels[kind]} is signed at the practice, not through this link.`;
}

export const alreadySignedThroughLink =
  'This consent was already signed through this link. Ask the practice if something needs changing.';
