import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ConsentSignatureInput,
  consentStatus,
  isMinor,
  mayStartOrSignSession,
  maxSignatureCharacters,
  signatureIssues,
  type ConsentKind,
  type ConsentSignature,
  type ConsentText,
} from './consent.js';

const timeZone = 'America/Toronto';

function text(kind: ConsentKind, version: number, extra: Partial<ConsentText> = {}): ConsentText {
  return {
    id: `${kind}-${version}`,
    kind,
    version,
    title: `${kind} v${version}`,
    body: 'I consent.',
    validityMonths: 12,
    requiresResign: false,
    publishedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}

let sequence = 0;
function signed(
  kind: ConsentKind,
  signedAt: string,
  extra: Partial<ConsentSignature> = {},
): ConsentSignature {
  sequence += 1;
  return {
    id: `signature-${String(sequence).padStart(4, '0')}`,
    clientId: 'client-1',
    kind,
    textId: `${kind}-1`,
    textVersion: 1,
    signerName: 'Ana Silva',
    signerRole: 'client',
    guardianRelationship: null,
    sharedWith: null,
    signature: { method: 'typed', typedName: 'Ana Silva' },
    signedAt,
    ip: '127.0.0.1',
    userAgent: 'test',
    channel: 'tablet',
    withdrawal: null,
    ...extra,
  };
}

const texts = [text('treatment', 1), text('guardian_for_minor', 1), text('share_records', 1)];
const adult = { clientDateOfBirth: '1985-04-12', today: '2026-11-27', timeZone };
const treatmentOf = (signatures: ConsentSignature[], options = adult, list = texts) =>
  consentStatus(signatures, list, options).entries.find((entry) => entry.kind === 'treatment')!;

describe('consent status', () => {
  it('is missing when the client never signed', () => {
    assert.equal(treatmentOf([]).state, 'missing');
  });

  it('is current within the validity of the text, with the day it ends', () => {
    const entry = treatmentOf([signed('treatment', '2026-03-01T15:00:00.000Z')]);
    assert.equal(entry.state, 'current');
    assert.equal(entry.expiresOn, '2027-03-01');
  });

  it('is expired from the day the validity ends', () => {
    const entry = treatmentOf([signed('treatment', '2025-11-27T15:00:00.000Z')]);
    assert.equal(entry.state, 'expired');
  });

  it('stays current across a new version that does not ask to sign again', () => {
    const list = [...texts, text('treatment', 2)];
    assert.equal(
      treatmentOf([signed('treatment', '2026-06-01T15:00:00Z')], adult, list).state,
      'current',
    );
  });

  it('is superseded by a new version that asks everyone to sign again', () => {
    const list = [...texts, text('treatment', 2, { requiresResign: true })];
    const entry = treatmentOf([signed('treatment', '2026-06-01T15:00:00Z')], adult, list);
    assert.equal(entry.state, 'superseded');
    assert.equal(entry.currentTextVersion, 2);
  });

  it('is withdrawn when the latest signature was withdrawn, and current once signed again', () => {
    const withdrawn = signed('treatment', '2026-06-01T15:00:00Z', {
      withdrawal: { at: '2026-06-02T15:00:00Z', byName: 'Olive', reason: 'Asked to stop.' },
    });
    assert.equal(treatmentOf([withdrawn]).state, 'withdrawn');
    assert.equal(
      treatmentOf([withdrawn, signed('treatment', '2026-06-03T15:00:00Z')]).state,
      'current',
    );
  });

  it('lists share-records consent once per named party', () => {
    const status = consentStatus(
      [
        signed('share_records', '2026-06-01T15:00:00Z', { sharedWith: 'Dr. Côté' }),
        signed('share_records', '2026-06-02T15:00:00Z', { sharedWith: 'City Physio' }),
      ],
      texts,
      adult,
    );
    const parties = status.entries
      .filter((entry) => entry.kind === 'share_records')
      .map((entry) => [entry.party, entry.state]);
    assert.deepEqual(parties, [
      ['City Physio', 'current'],
      ['Dr. Côté', 'current'],
    ]);
  });
});

describe('minors', () => {
  it('counts someone born on 29 February as a minor until 1 March of their 18th year', () => {
    assert.equal(isMinor('2008-02-29', '2026-02-28'), true);
    assert.equal(isMinor('2008-02-29', '2026-03-01'), false);
  });

  it('counts a client who turns 18 today as an adult', () => {
    assert.equal(isMinor('2008-11-27', '2026-11-27'), false);
    assert.equal(isMinor('2008-11-28', '2026-11-27'), true);
  });

  it('needs a guardian’s signature: a minor’s own does not count', () => {
    const minor = { clientDateOfBirth: '2012-05-01', today: '2026-11-27', timeZone };
    const own = signed('treatment', '2026-06-01T15:00:00Z');
    const status = consentStatus([own], texts, minor);
    assert.equal(status.minor, true);
    assert.equal(status.entries.find((entry) => entry.kind === 'treatment')!.state, 'missing');
    assert.equal(
      status.entries.find((entry) => entry.kind === 'guardian_for_minor')!.required,
      true,
    );
  });

  it('refuses a minor’s own signature and a client signing guardian consent', () => {
    const input = ConsentSignatureInput.parse({
      textId: 'treatment-1',
      textVersion: 1,
      signerName: 'Ana Silva',
      signerRole: 'client',
      signature: { method: 'typed', typedName: 'Ana Silva' },
    });
    assert.deepEqual(
      signatureIssues(input, text('treatment', 1), 1, { minor: true }).map((issue) => issue.field),
      ['signerRole'],
    );
    assert.deepEqual(
      signatureIssues(input, text('guardian_for_minor', 1), 1, { minor: false }).map(
        (issue) => issue.field,
      ),
      ['signerRole'],
    );
  });
});

describe('signature input', () => {
  const base = {
    textId: 'treatment-1',
    textVersion: 1,
    signerName: 'Zoë Brontë',
    signerRole: 'client',
  };
  const fields = (value: unknown) => {
    const result = ConsentSignatureInput.safeParse(value);
    return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
  };

  it('needs a signature, drawn or typed', () => {
    assert.deepEqual(fields(base), ['signature']);
  });

  it('accepts a typed name that matches the signer, accents aside', () => {
    assert.deepEqual(
      fields({ ...base, signature: { method: 'typed', typedName: 'zoe bronte' } }),
      [],
    );
    assert.deepEqual(fields({ ...base, signature: { method: 'typed', typedName: 'Zoe' } }), [
      'signature.typedName',
    ]);
  });

  it('accepts a PNG data URL and SVG path data, and refuses other images', () => {
    const drawn = (format: string, data: string) => ({
      ...base,
      signature: { method: 'drawn', format, data },
    });
    assert.deepEqual(fields(drawn('png_data_url', 'data:image/png;base64,iVBORw0KGgo=')), []);
    assert.deepEqual(fields(drawn('svg_path', 'M 10 10 L 20 25 C 30 30 40 40 50 45')), []);
    assert.deepEqual(fields(drawn('png_data_url', 'data:image/jpeg;base64,/9j/4AAQ')), [
      'signature.data',
    ]);
    assert.deepEqual(fields(drawn('svg_path', '<script>alert(1)</script>')), ['signature.data']);
  });

  it('refuses a drawn signature larger than the cap', () => {
    const data = `data:image/png;base64,${'A'.repeat(maxSignatureCharacters)}`;
    assert.deepEqual(
      fields({ ...base, signature: { method: 'drawn', format: 'png_data_url', data } }),
      ['signature.data'],
    );
  });

  it('asks a guardian how they are related to the client', () => {
    assert.deepEqual(
      fields({
        ...base,
        signerRole: 'guardian',
        signature: { method: 'typed', typedName: 'Zoë Brontë' },
      }),
      ['guardianRelationship'],
    );
  });

  it('needs a named party for share-records consent', () => {
    const input = ConsentSignatureInput.parse({
      ...base,
      textId: 'share_records-1',
      signature: { method: 'typed', typedName: 'Zoë Brontë' },
    });
    assert.deepEqual(
      signatureIssues(input, text('share_records', 1), 1, { minor: false }).map(
        (issue) => issue.field,
      ),
      ['sharedWith'],
    );
  });
});

describe('may a session start or be signed', () => {
  it('allows it with current treatment consent', () => {
    const status = consentStatus([signed('treatment', '2026-06-01T15:00:00Z')], texts, adult);
    assert.deepEqual(mayStartOrSignSession(status), {
      allowed: true,
      reasonRequired: false,
      message: null,
    });
  });

  it('refuses it without consent unless a reason is recorded', () => {
    const status = consentStatus([], texts, adult);
    const refused = mayStartOrSignSession(status);
    assert.equal(refused.allowed, false);
    assert.equal(refused.reasonRequired, true);
    assert.match(refused.message!, /consent to treatment is missing/);
    assert.equal(mayStartOrSignSession(status, '   ').allowed, false);
    assert.equal(mayStartOrSignSession(status, 'Verbal consent; form to follow.').allowed, true);
  });

  it('refuses it for a minor with treatment consent but no guardian consent', () => {
    const minor = { clientDateOfBirth: '2012-05-01', today: '2026-11-27', timeZone };
    const status = consentStatus(
      [
        signed('treatment', '2026-06-01T15:00:00Z', {
          signerRole: 'guardian',
          guardianRelationship: 'father',
        }),
      ],
      texts,
      minor,
    );
    const decision = mayStartOrSignSession(status);
    assert.equal(decision.allowed, false);
    assert.match(decision.message!, /guardian consent for a minor is missing/);
  });
});
