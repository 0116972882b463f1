/**
 * Response bodies are parsed JSON whose shape each test asserts on; typing them loosely keeps
 * tests readable, and the assertions (not the compiler) are what check them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type Json = any;

/** What a test sees of a response: status, headers and the parsed body. */
export interface ApiResponse<T = Json> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

type Body = unknown;

/**
 * A browser-like API client: keeps the session cookie, sends the CSRF header on writes and
 * If-Match when asked. Requests go over real HTTP to the real server.
 */
export class ApiClient {
  cookie: string | null = null;
  csrfToken: string | null = null;
  bearer: string | null = null;
  /** Sent with every request (e.g. a user agent the audit trail should record). */
  headers: Record<string, string> = {};

  constructor(readonly baseUrl: string) {}

  async request<T = Json>(
    method: string,
    path: string,
    options: {
      body?: Body;
      rawBody?: string;
      ifMatch?: string;
      headers?: Record<string, string>;
    } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...this.headers, ...options.headers };
    if (this.cookie) headers['cookie'] = this.cookie;
    if (this.bearer) headers['authorization'] = `Bearer ${this.bearer}`;
    if (this.csrfToken && method !== 'GET') headers['x-csrf-token'] ??= this.csrfToken;
    if (options.ifMatch) headers['if-match'] = options.ifMatch;
    let payload: string | undefined;
    if (options.rawBody !== undefined) {
      payload = options.rawBody;
      headers['content-type'] ??= 'application/json';
    } else if (options.body !== undefined) {
      payload = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: payload ?? null,
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const value = /palpate_session=([^;]*)/.exec(setCookie)?.[1];
      this.cookie = value ? `palpate_session=${value}` : null;
    }
    const text = await response.text();
    let body: Json = text;
    const type = response.headers.get('content-type') ?? '';
    if (type.includes('json') && text) body = JSON.parse(text);
    return { status: response.status, headers: response.headers, body, text };
  }

  get<T = Json>(path: string, options?: { headers?: Record<string, string> }) {
    return this.request<T>('GET', path, options);
  }
  post<T = Json>(
    path: string,
    body?: Body,
    options: { ifMatch?: string; headers?: Record<string, string> } = {},
  ) {
    return this.request<T>('POST', path, { ...options, ...(body === undefined ? {} : { body }) });
  }
  put<T = Json>(
    path: string,
    body: Body,
    options: { ifMatch?: string; headers?: Record<string, string> } = {},
  ) {
    return this.request<T>('PUT', path, { ...options, body });
  }
  delete<T = Json>(
    path: string,
    options: { ifMatch?: string; headers?: Record<string, string> } = {},
  ) {
    return this.request<T>('DELETE', path, options);
  }

  async login(email: string, password: string): Promise<ApiResponse> {
    const response = await this.post('/api/v1/auth/login', { email, password });
    if (response.status === 200) this.csrfToken = response.body.csrfToken as string;
    return response;
  }
}
