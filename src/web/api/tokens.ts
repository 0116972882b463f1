import { z } from 'zod';
import { ApiToken } from '../../domain/staff.js';
import { get, request } from './client.js';

export const tokenKeys = { mine: ['tokens'] as const };

const TokenList = z.object({ tokens: z.array(ApiToken) });
const CreatedToken = z.object({ token: ApiToken, secret: z.string() });
export type CreatedToken = z.infer<typeof CreatedToken>;

export async function listTokens(signal?: AbortSignal): Promise<ApiToken[]> {
  return (await get('/api/v1/tokens', TokenList, signal)).tokens;
}

export async function createToken(name: string): Promise<CreatedToken> {
  return (await request('POST', '/api/v1/tokens', { body: { name }, schema: CreatedToken })).value;
}

export async function revokeToken(id: string): Promise<void> {
  await request('DELETE', `/api/v1/tokens/${encodeURIComponent(id)}`);
}
