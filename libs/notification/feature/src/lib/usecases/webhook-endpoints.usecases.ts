import { ConflictException, Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { Principal } from '@yrd/auth';
import { checkEndpointUrl } from '@yrd/notification-domain';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../config';
import { RoutingRules } from '../routing/routing-rules';
import { newId, newSecret } from '../stores/ids';
import { activeSecrets, WebhookEndpointsStore, type WebhookEndpoint } from '../stores/webhook-endpoints.store';
import { canManage, listingBureau, owningBureau } from './owning-bureau';

export interface RegisterEndpointCommand {
  principal: Principal;
  url: string;
  description?: string;
  bureau?: string;
}

/** An endpoint as shown to its bureau: secrets by id and expiry only. */
export interface EndpointView {
  id: string;
  bureau: string;
  url: string;
  description?: string;
  active: boolean;
  secrets: Array<{ id: string; createdAt: string; expiresAt: string | null; active: boolean }>;
  createdAt: string;
}

export const endpointView = (e: WebhookEndpoint, now = new Date()): EndpointView => {
  const active = new Set(activeSecrets(e, now).map((s) => s.id));
  return {
    id: e._id,
    bureau: e.bureau,
    url: e.url,
    ...(e.description !== undefined && { description: e.description }),
    active: e.active,
    secrets: e.secrets.map((s) => ({ id: s.id, createdAt: s.createdAt.toISOString(), expiresAt: s.expiresAt?.toISOString() ?? null, active: active.has(s.id) })),
    createdAt: e.createdAt.toISOString(),
  };
};

/**
 * Bureaus register where their case systems receive deliveries, and hold the secrets that sign
 * them. The secret is returned once, on creation or rotation.
 */
@Injectable()
export class WebhookEndpointsUseCases {
  constructor(
    private readonly store: WebhookEndpointsStore,
    private readonly rules: RoutingRules,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
  ) {}

  async register(cmd: RegisterEndpointCommand, now = new Date()): Promise<EndpointView & { secret: string }> {
    const bureau = owningBureau(cmd.principal, cmd.bureau, this.rules.directory);
    const url = checkEndpointUrl(cmd.url, { requireHttps: this.config.requireHttps });
    // Scheme, host and address rules the schema cannot say: refused as content.
    if (!url.ok) throw new UnprocessableEntityException(url.error);
    const secret = newSecret();
    const endpoint: WebhookEndpoint = {
      _id: newId('whe'),
      bureau,
      url: url.url,
      ...(cmd.description !== undefined && { description: cmd.description }),
      active: true,
      secrets: [{ id: newId('sec'), value: secret, createdAt: now, expiresAt: null }],
      createdAt: now,
      createdBy: cmd.principal.sub,
      updatedAt: now,
    };
    await this.store.insert(endpoint);
    return { ...endpointView(endpoint, now), secret };
  }

  async list(principal: Principal, bureau?: string): Promise<EndpointView[]> {
    return (await this.store.list(listingBureau(principal, bureau, this.rules.directory))).map((e) => endpointView(e));
  }

  private async owned(principal: Principal, id: string): Promise<WebhookEndpoint> {
    const endpoint = await this.store.get(id);
    if (!endpoint || !canManage(principal, endpoint.bureau)) throw new NotFoundException(`no webhook endpoint ${id} in your bureau`);
    return endpoint;
  }

  /**
   * A new secret signs from now on; the secrets before it keep signing for `overlapHours`
   * (default NOTIFY_SECRET_OVERLAP_HOURS), so the receiver can switch without losing a delivery.
   */
  async rotateSecret(principal: Principal, id: string, overlapHours?: number, now = new Date()): Promise<EndpointView & { secret: string }> {
    const endpoint = await this.owned(principal, id);
    if (!endpoint.active) throw new ConflictException(`webhook endpoint ${id} was removed`);
    const overlapMs = overlapHours === undefined ? this.config.secretOverlapMs : Math.round(overlapHours * 3600_000);
    const until = new Date(now.getTime() + overlapMs);
    const secret = newSecret();
    endpoint.secrets = [
      { id: newId('sec'), value: secret, createdAt: now, expiresAt: null },
      // Already-expired secrets are dropped; a rotated-out one never gains time.
      ...activeSecrets(endpoint, now).map((s) => ({ ...s, expiresAt: s.expiresAt && s.expiresAt < until ? s.expiresAt : until })),
    ];
    endpoint.updatedAt = now;
    await this.store.replace(endpoint);
    return { ...endpointView(endpoint, now), secret };
  }

  /** Deactivates (kept for the record); queued deliveries to it fail as refused. */
  async remove(principal: Principal, id: string, now = new Date()): Promise<void> {
    const endpoint = await this.owned(principal, id);
    await this.store.replace({ ...endpoint, active: false, updatedAt: now });
  }
}
