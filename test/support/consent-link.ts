import type { ApiClient, ApiResponse, Json } from './http.js';
import { currentConsentText } from './consents.js';

/**
 * What a client sends through their link to sign a consent: the current text of the kind,
 * signed by typing the name (`staff` reads the practice's current text version).
 */
export async function linkConsentSignature(
  staff: ApiClient,
  kind = 'treatment',
  overrides: Record<string, Json> = {},
): Promise<Json> {
  const text = await currentConsentText(staff, kind);
  const signerName = (overrides['signerName'] as string | undefined) ?? 'Marisol Ibáñez';
  return {
    kind,
    textVersion: text.version,
    signerName,
    signerRole: 'client',
    signature: { method: 'typed', typedName: signerName },
    ...overrides,
  };
}

/** The client signs a consent through their link. */
export function signThroughLink(
  caller: ApiClient,
  token: string,
  body: Json,
): Promise<ApiResponse> {
  return caller.post(`/api/v1/public/intake/${token}/consents`, body);
}
