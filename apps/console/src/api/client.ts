import { ApiError, reasonOf } from './api-error';

/** The services behind the gateway: every call goes to `/api/<service>/…` on the console's own origin. */
export type Service = 'case-intake' | 'clue-transfer' | 'evidence-notary' | 'notification' | 'audit' | 'auth';

export interface CallOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  token?: string;
  query?: Record<string, string | number | undefined>;
  /** Sent as `Idempotency-Key` on a creating POST: the same for every retry of one submission. */
  idempotencyKey?: string;
}

export function apiUrl(service: Service, path: string, query?: CallOptions['query']): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') qs.set(k, String(v));
  const q = qs.toString();
  return `/api/${service}/${path.replace(/^\//, '')}${q ? `?${q}` : ''}`;
}

/** JSON call; a non-2xx answer throws ApiError with the server's reason. */
export async function call<T>(service: Service, path: string, opts: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
  const res = await fetch(apiUrl(service, path, opts.query), {
    method: opts.method ?? (opts.body === undefined ? 'GET' : 'POST'),
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: keep the text */
  }
  if (!res.ok) throw new ApiError(res.status, reasonOf(body, `${res.status} ${res.statusText}`), body);
  return body as T;
}

/**
 * Upload with progress (fetch has no upload progress). The gateway streams the body through to
 * the service, so large evidence is not buffered on the way.
 */
export function upload<T>(
  service: Service,
  path: string,
  body: Blob | FormData,
  opts: { token?: string; headers?: Record<string, string>; onProgress?: (fraction: number) => void },
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl(service, path));
    if (opts.token) xhr.setRequestHeader('authorization', `Bearer ${opts.token}`);
    for (const [k, v] of Object.entries(opts.headers ?? {})) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) opts.onProgress?.(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown = xhr.responseText;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* keep text */
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(new ApiError(xhr.status, reasonOf(body, `${xhr.status}`), body));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network error', undefined));
    xhr.send(body);
  });
}
