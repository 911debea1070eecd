import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { NextFunction, Request, Response } from 'express';
import { AuthTokenService } from '@yrd/auth';
import { DeliveryQueues } from '@yrd/notification-feature';

export const DASHBOARD_PATH = '/admin/queues';

/**
 * Bull Board at /admin/queues, for admins only. It is an Express router outside Nest's routing,
 * so the global JWT guard does not see it: this middleware checks the bearer token (or the
 * `yrd_admin_token` cookie, for a browser) and the admin role itself.
 */
@Injectable()
export class QueueDashboard implements OnModuleInit {
  private readonly log = new Logger(QueueDashboard.name);

  constructor(
    private readonly host: HttpAdapterHost,
    private readonly tokens: AuthTokenService,
    private readonly queues: DeliveryQueues,
  ) {}

  onModuleInit(): void {
    const board = new ExpressAdapter();
    board.setBasePath(DASHBOARD_PATH);
    createBullBoard({ queues: Object.values(this.queues.queues).map((q) => new BullMQAdapter(q, { readOnlyMode: false })), serverAdapter: board });
    const app = this.host.httpAdapter.getInstance<{ use: (path: string, ...handlers: unknown[]) => void }>();
    app.use(DASHBOARD_PATH, (req: Request, res: Response, next: NextFunction) => this.adminOnly(req, res, next), board.getRouter());
    this.log.log(`queue dashboard at ${DASHBOARD_PATH} (admin token required)`);
  }

  private adminOnly(req: Request, res: Response, next: NextFunction): void {
    const header = req.headers.authorization;
    const cookie = /(?:^|;\s*)yrd_admin_token=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    const token = header?.startsWith('Bearer ') ? header.slice(7) : cookie;
    if (!token) {
      res.status(401).json({ statusCode: 401, message: 'admin bearer token required' });
      return;
    }
    try {
      const principal = this.tokens.verify(token);
      if (principal.role !== 'admin') {
        res.status(403).json({ statusCode: 403, message: `role '${principal.role}' may not use the queue dashboard` });
        return;
      }
    } catch (e) {
      res.status(401).json({ statusCode: 401, message: (e as Error).message });
      return;
    }
    next();
  }
}
