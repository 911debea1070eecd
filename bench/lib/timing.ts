import { Worker } from 'node:worker_threads';
import { percentile, round, type BenchRow } from './report';

/** Runs `op` n times in this thread; ops/s with p50/p99 of each call. */
export function timeSync(name: string, n: number, op: (i: number) => unknown): BenchRow {
  const lat: number[] = new Array(n);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    op(i);
    lat[i] = performance.now() - s;
  }
  const secs = (performance.now() - t0) / 1000;
  return { name, ops: n, 'ops/s': Math.round(n / secs), 'p50 ms': round(percentile(lat, 50), 4), 'p99 ms': round(percentile(lat, 99), 4) };
}

/**
 * Timed HTTP requests against a local server. The HTTP client runs in a worker thread, so it does not share the server's event loop: the
 * latencies are the server's (plus loopback), not the client's queueing.
 */
const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { port, auth, concurrency, requests } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const call = (r) => new Promise((resolve, reject) => {
  const payload = r.body === undefined ? undefined : JSON.stringify(r.body);
  const headers = { authorization: auth };
  if (payload) { headers['content-type'] = 'application/json'; headers['content-length'] = Buffer.byteLength(payload); }
  const req = http.request({ host: '127.0.0.1', port, method: r.method, path: r.path, agent, headers }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode)); });
  req.on('error', reject);
  req.end(payload);
});
(async () => {
  const lat = new Array(requests.length);
  let next = 0, errors = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    for (let i = next++; i < requests.length; i = next++) {
      const s = performance.now();
      const status = await call(requests[i]);
      lat[i] = performance.now() - s;
      if (status >= 300) errors++;
    }
  }));
  parentPort.postMessage({ lat, secs: (performance.now() - t0) / 1000, errors });
  agent.destroy();
})();
`;

export interface HttpRequestSpec {
  method: string;
  path: string;
  body?: unknown;
}

export async function timeHttp(name: string, port: number, auth: string, concurrency: number, requests: HttpRequestSpec[]): Promise<BenchRow> {
  const { lat, secs, errors } = await new Promise<{ lat: number[]; secs: number; errors: number }>((resolve, reject) => {
    const w = new Worker(CLIENT, { eval: true, workerData: { port, auth, concurrency, requests } });
    w.once('message', resolve);
    w.once('error', reject);
  });
  const n = requests.length;
  return { name, ops: n, concurrency, 'ops/s': Math.round(n / secs), 'p50 ms': round(percentile(lat, 50), 3), 'p99 ms': round(percentile(lat, 99), 3), errors };
}
