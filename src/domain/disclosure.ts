import type { ConsentStatusEntry } from './consent.js';
import type { FieldIssue } from './errors.js';
import type { ExternalRecipient } from './record-export.js';
import { foldForSearch } from './text.js';

/**
 * Whether records may go to someone outside the practice, and on what basis: the client's
 * current consent to share records with that party, or a legal reason written down by the
 * person disclosing. Pure, so the rule reads in one place and is tested without a server.
 */
export type DisclosureBasis =
  | { kind: 'consent'; signatureId: string; party: string }
  | { kind: 'legal_reason'; reason: string };

/** The words of a name, folded and without punctuation: "Dr. Anna Berg" → {dr, anna, berg}. */
function words(text: string): Set<string> {
  return new Set(
    foldForSearch(text)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  );
}

function sameWords(a: Set<string>, b: Set<string>): boolean {
  return a.size > 0 && a.size === b.size && [...a].every((word) => b.has(word));
}

/**
 * A consent names one party ("Riverside Physiotherapy", "Dr Anna Berg", "Anna Berg, Riverside
 * Physiotherapy"); it covers a recipient whose name, organisation, or both together are that
 * party, word for word once accents, case and punctuation are set aside. A party that only
 * shares a word ("Physio") covers nobody: consent is to a named party, not to a guess.
 */
export function consentCovers(party: string, recipient: ExternalRecipient): boolean {
  const named = words(party);
  const person = words(recipient.name);
  const organisation = words(recipient.organisation ?? '');
  return (
    sameWords(named, person) ||
    sameWords(named, organisation) ||
    sameWords(named, new Set([...person, ...organisation]))
  );
}

/**
 * The basis for disclosing to `recipient`: a current share-records consent that covers them
 * first (it is the client's own wish), else the legal reason given; null when there is neither.
 */
export function disclosureBasis(
  consents: readonly ConsentStatusEntry[],
  recipient: ExternalRecipient,
): DisclosureBasis | null {
  const consent = consents.find(
    (entry) =>
      entry.kind === 'share_records' &&
      entry.state === 'current' &&
      entry.signature !== null &&
      entry.party !== null &&
      consentCovers(entry.party, recipient),
  );
  if (consent?.signature && consent.party)
    return { kind: 'consent', signatureId: consent.signature.id, party: consent.party };
  if (recipient.legalReason) return { kind: 'legal_reason', reason: recipient.legalReason };
  return null;
}

/** What the person disclosing is told when there is no basis, next to the reason field. */
export function missingBasisIssue(recipient: ExternalRecipient): FieldIssue {
  return {
    field: 'recipient.legalReason',
    message: `${recipient.name} has no current consent from the client to receive records. Record the legal reason for this disclosure.`,
  };
}
