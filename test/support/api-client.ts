import { mintToken, devUser, type Principal } from '@yrd/auth';
import { E2E_JWT_SECRET } from './running-system';

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** Calls a service's HTTP API as a development user (`officer-qp-1`, `bureau-jsh-1`, …) or any principal. */
export class ApiClient {
  private readonly token: string;

  constructor(
    private readonly baseUrl: string,
    user: string | Principal | null,
  ) {
    this.token = user ? mintToken(typeof user === 'string' ? devUser(user) : user, { secret: E2E_JWT_SECRET }) : '';
  }

  get<T = any>(path: string): Promise<ApiResponse<T>> {
    return this.request<T>('GET', path);
  }

  post<T = any>(path: string, body?: unknown): Promise<ApiResponse<T>> {
    return this.request<T>('POST', path, body);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }
}
