import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConsentStatusEntry } from './consent.js';
import { consentCovers, disclosureBasis, missingBasisIssue } from './disclosure.js';
import type { ExternalRecipient } from './record-export.js';

const recipient = (overrides: Partial<ExternalRecipient> = {}): ExternalRecipient => ({
  kind: 'external',
  name: 'Dr Anna Berg',
  organisation: 'Riverside Physiotherapy',
  legalReason: null,
  ...overrides,
});

function sharing(
  party: string,
  state: ConsentStatusEntry['state'] = 'current',
): ConsentStatusEntry {
  return {
    kind: 'share_records',
    party,
    required: false,
    state,
    signature: {
      id: `signature-${party}`,
      clientId: 'client-1',
      kind: 'share_records',
      textId: 'text-1',
      textVersion: 1,
      signerName: 'Zoë Brontë',
      signerRole: 'client',
      guardianRelationship: null,
      sharedWith: party,
      signature: { method: 'typed', typedName: 'Zoë Brontë' },
      signedAt: '2026-11-01T15:00:00.000Z',
      ip: '127.0.0.1',
      userAgent: 'test',
      channel: 'tablet',
      withdrawal: null,
    },
    currentTextVersion: 1,
    expiresOn: null,
    signerMustBe: 'client',
  };
}

describe('consentCovers', () => {
  it('covers a recipient from the organisation the consent names', () => {
    assert.equal(consentCovers('Riverside Physiotherapy', recipient()), true);
  });

  it('covers the person the consent names, wherever they work', () => {
    assert.equal(
      consentCovers('Anna Berg', recipient({ name: 'Anna Berg', organisation: null })),
      true,
    );
  });

  it('covers a party named as person and organisation together', () => {
    assert.equal(consentCovers('Dr. Anna Berg, Riverside Physiotherapy', recipient()), true);
  });

  it('sets accents, case and punctuation aside', () => {
    assert.equal(
      consentCovers('CLINIQUE SAINT-ÉLOI', recipient({ organisation: 'Clinique Saint Eloi' })),
      true,
    );
  });

  it('does not cover a recipient who only shares a word with the party', () => {
    assert.equal(consentCovers('Physiotherapy', recipient()), false);
    assert.equal(consentCovers('Riverside Physiotherapy Group', recipient()), false);
  });
});

describe('disclosureBasis', () => {
  it('rests on a current consent to share with that party', () => {
    assert.deepEqual(disclosureBasis([sharing('Riverside Physiotherapy')], recipient()), {
      kind: 'consent',
      signatureId: 'signature-Riverside Physiotherapy',
      party: 'Riverside Physiotherapy',
    });
  });

  it('prefers the client’s consent to a legal reason given as well', () => {
    const basis = disclosureBasis(
      [sharing('Riverside Physiotherapy')],
      recipient({ legalReason: 'Court order' }),
    );
    assert.equal(basis?.kind, 'consent');
  });

  it('does not rest on a withdrawn or expired consent', () => {
    for (const state of ['withdrawn', 'expired', 'superseded'] as const) {
      assert.equal(disclosureBasis([sharing('Riverside Physiotherapy', state)], recipient()), null);
    }
  });

  it('does not rest on consent to share with someone else', () => {
    assert.equal(disclosureBasis([sharing('Dr Paul Ng')], recipient()), null);
  });

  it('rests on a legal reason when there is no consent', () => {
    assert.deepEqual(disclosureBasis([], recipient({ legalReason: 'Subpoena 2026-CV-0412' })), {
      kind: 'legal_reason',
      reason: 'Subpoena 2026-CV-0412',
    });
  });

  it('has no basis without consent or reason, and says so on the reason field', () => {
    assert.equal(disclosureBasis([], recipient()), null);
    assert.equal(missingBasisIssue(recipient()).field, 'recipient.legalReason');
  });
});
