/**
 * Whether a webhook URL may be registered: absolute http(s), no user:password, no fragment,
 * at most 2048 characters, and https only where TLS is required (production).
 */
export type EndpointUrlCheck = { ok: true; url: string } | { ok: false; error: string };

export function checkEndpointUrl(raw: string, { requireHttps }: { requireHttps: boolean }): EndpointUrlCheck {
  if (typeof raw !== 'string' || raw.length === 0) return { ok: false, error: 'url is required' };
  if (raw.length > 2048) return { ok: false, error: 'url must be at most 2048 characters' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, error: `url "${raw.slice(0, 100)}" is not a valid absolute URL` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, error: `url must be https (got ${url.protocol})` };
  if (requireHttps && url.protocol !== 'https:') return { ok: false, error: 'url must use https in production' };
  if (url.username || url.password) return { ok: false, error: 'url must not carry credentials; the signature authenticates deliveries' };
  if (url.hash) return { ok: false, error: 'url must not have a #fragment' };
  return { ok: true, url: url.toString() };
}
