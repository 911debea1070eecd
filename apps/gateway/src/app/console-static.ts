import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Router } from 'express';

/** The built console, with every unknown non-API path answered by index.html (client-side routes). */
export function mountConsole(router: Router, consoleDir: string): void {
  const index = join(consoleDir, 'index.html');
  router.use(express.static(consoleDir, { index: false, maxAge: '1h' }));
  router.get(/^\/(?!api\/|health$).*/, (_req, res) => {
    if (!existsSync(index)) {
      res.status(503).type('text').send(`The console is not built (${index}); run: npx nx build console`);
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
}
