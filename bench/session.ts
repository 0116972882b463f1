/**
 * Signs the bench user in once through the real login endpoint (real scrypt cost) and keeps
 * the session cookie and CSRF token, exactly what the web app sends on every request.
 */
export interface BenchSession {
  cookie: string;
  csrfToken: string;
  userId: string;
  /** Headers for reads. */
  readHeaders: Record<string, string>;
  /** Headers for writes: the session plus the CSRF token and a JSON body. */
  writeHeaders: Record<string, string>;
}

export const benchUserAgent = 'palpate-bench (autocannon)';

export async function signIn(
  baseUrl: string,
  email: string,
  password: string,
): Promise<BenchSession> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': benchUserAgent },
    body: JSON.stringify({ email, password }),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`Bench login failed: ${response.status} ${text}`);
  const value = /palpate_session=([^;]*)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
  if (!value) throw new Error('Bench login returned no session cookie');
  const body = JSON.parse(text) as { csrfToken: string; user: { id: string } };
  const cookie = `palpate_session=${value}`;
  // A browser always offers compression; answers the server keeps gzipped are sent that way.
  const readHeaders = {
    cookie,
    'user-agent': benchUserAgent,
    'accept-encoding': 'gzip, deflate, br',
  };
  return {
    cookie,
    csrfToken: body.csrfToken,
    userId: body.user.id,
    readHeaders,
    writeHeaders: {
      ...readHeaders,
      'x-csrf-token': body.csrfToken,
      'content-type': 'application/json',
    },
  };
}
