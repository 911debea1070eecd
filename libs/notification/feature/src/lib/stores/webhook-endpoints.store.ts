import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Collection, Connection } from 'mongoose';

export interface EndpointSecret {
  id: string;
  value: string;
  createdAt: Date;
  /** Null while it is the current secret; set when rotated out (it still signs until then). */
  expiresAt: Date | null;
}

export interface WebhookEndpoint {
  _id: string;
  bureau: string;
  url: string;
  description?: string;
  active: boolean;
  secrets: EndpointSecret[];
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
}

export const WEBHOOK_ENDPOINTS = 'notification_webhook_endpoints';

/** The secrets that sign now, newest first. */
export const activeSecrets = (e: WebhookEndpoint, now = new Date()): EndpointSecret[] =>
  e.secrets.filter((s) => s.expiresAt === null || s.expiresAt > now).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());

/** How long another instance's change may go unseen (this instance's own changes show at once). */
export const ENDPOINT_CACHE_MS = 5000;

/**
 * Webhook endpoints registered by bureaus. A small collection (a few per bureau), written by
 * administrators only, so whole-document replaces by `_id` are safe enough on FerretDB. Every
 * routed event and every delivery needs them, and every FerretDB query scans, so reads are
 * served from a copy of the active endpoints refreshed every ENDPOINT_CACHE_MS.
 */
@Injectable()
export class WebhookEndpointsStore {
  readonly collection: Collection<WebhookEndpoint>;
  private active?: { at: number; byId: Map<string, WebhookEndpoint>; loading?: Promise<Map<string, WebhookEndpoint>> };

  constructor(@InjectConnection() connection: Connection) {
    this.collection = connection.collection<WebhookEndpoint>(WEBHOOK_ENDPOINTS) as unknown as Collection<WebhookEndpoint>;
  }

  private async activeById(): Promise<Map<string, WebhookEndpoint>> {
    if (this.active && Date.now() - this.active.at < ENDPOINT_CACHE_MS) return this.active.byId;
    if (this.active?.loading) return this.active.loading;
    const loading = this.collection
      .find({ active: true })
      .toArray()
      .then((docs) => {
        this.active = { at: Date.now(), byId: new Map(docs.map((d) => [d._id, d])) };
        return this.active.byId;
      })
      .finally(() => {
        if (this.active?.loading === loading) this.active.loading = undefined;
      });
    this.active = { at: 0, byId: this.active?.byId ?? new Map(), loading };
    return loading;
  }

  private invalidate(): void {
    this.active = undefined;
  }

  async insert(endpoint: WebhookEndpoint): Promise<void> {
    await this.collection.insertOne(endpoint);
    this.invalidate();
  }

  get(id: string): Promise<WebhookEndpoint | null> {
    return this.collection.findOne({ _id: id });
  }

  /** An active endpoint, from the cached copy (deliveries read it for URL and secrets). */
  async getActive(id: string): Promise<WebhookEndpoint | undefined> {
    return (await this.activeById()).get(id);
  }

  /** Every endpoint of a bureau (or of all bureaus), active or not. */
  list(bureau: string | undefined): Promise<WebhookEndpoint[]> {
    return this.collection.find(bureau === undefined ? {} : { bureau }).sort({ createdAt: 1 }).toArray();
  }

  /** Endpoints that receive deliveries for these bureaus. */
  async activeFor(bureaus: readonly string[]): Promise<WebhookEndpoint[]> {
    if (bureaus.length === 0) return [];
    return [...(await this.activeById()).values()].filter((e) => bureaus.includes(e.bureau));
  }

  async replace(endpoint: WebhookEndpoint): Promise<void> {
    await this.collection.replaceOne({ _id: endpoint._id }, endpoint);
    this.invalidate();
  }
}
