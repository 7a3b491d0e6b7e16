import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { dataOf, startTestApp, type Driver } from '../test/harness.js';
import { percentile } from './timing.js';

const RUNS = 1_000;
const REPETITIONS = 3;
const WARM_UP = 200;
/** Issue 21, item 2: the fixed cost of a signed-in request, at p50 on PostgreSQL. */
const TARGETS: Record<string, number> = { '{ __typename } signed in': 1, '{ me { id } } signed in': 1.5 };

const requests = [
  { name: '{ __typename } signed in', body: JSON.stringify({ query: '{ __typename }' }), signedIn: true },
  { name: '{ me { id } } signed in', body: JSON.stringify({ query: '{ me { id } }' }), signedIn: true },
  { name: '{ __typename } signed out', body: JSON.stringify({ query: '{ __typename }' }), signedIn: false },
];

export interface RequestCostRow {
  driver: Driver;
  request: string;
  /** p50 and p95 of each repetition, in milliseconds. */
  p50s: number[];
  p95s: number[];
  /** CPU time of this process (server and client; SQLite too) per request, all repetitions: steadier than wall time on a shared machine. */
  cpuMs: number;
}

/**
 * One POST /graphql on a kept-alive connection with node:http (fetch costs the client more than
 * the server spends on a small request), the answer read to its end and checked for `data`.
 */
function poster(url: string, cookie: string) {
  const { hostname, port } = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return (body: string, signedIn: boolean) =>
    new Promise<void>((resolve, reject) => {
      const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
      if (signedIn) headers.cookie = cookie;
      const req = request({ hostname, port, path: '/graphql', method: 'POST', agent, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          if (res.statusCode !== 200 || !text.startsWith('{"data":{') || text.includes('"errors"')) reject(new Error(`unexpected answer ${res.statusCode}: ${text}`));
          else resolve();
        });
      });
      req.on('error', reject);
      req.end(body);
    });
}

/**
 * The fixed cost of small requests through the whole server (Express, pino-http, the session
 * lookup, Apollo), each request in turn with the others so all run under the same conditions,
 * repeated: a machine shared with other work is noisy, and the median of the repetitions is what
 * counts.
 */
export async function benchRequestCost(driver: Driver, pgAdminUrl: string): Promise<RequestCostRow[]> {
  const app = await startTestApp(driver, { pgAdminUrl });
  try {
    const client = app.client();
    dataOf(await client.signIn('admin@example.com'));
    const cookie = [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const post = poster(app.url, cookie);
    if (!dataOf(await client.graphql<{ me: { id: string } | null }>('{ me { id } }')).me?.id) throw new Error('the benchmark session is not signed in');

    for (let run = 0; run < WARM_UP; run += 1) for (const { body, signedIn } of requests) await post(body, signedIn);
    const rows: RequestCostRow[] = requests.map((r) => ({ driver, request: r.name, p50s: [], p95s: [], cpuMs: 0 }));
    for (let repetition = 0; repetition < REPETITIONS; repetition += 1) {
      const samples = requests.map(() => [] as number[]);
      for (let run = 0; run < RUNS; run += 1) {
        for (const [index, { body, signedIn }] of requests.entries()) {
          const cpu = process.cpuUsage();
          const started = performance.now();
          await post(body, signedIn);
          samples[index]!.push(performance.now() - started);
          const used = process.cpuUsage(cpu);
          rows[index]!.cpuMs += (used.user + used.system) / 1000 / (RUNS * REPETITIONS);
        }
      }
      samples.forEach((sample, index) => {
        rows[index]!.p50s.push(percentile(sample, 50));
        rows[index]!.p95s.push(percentile(sample, 95));
      });
    }
    return rows;
  } finally {
    await app.close();
  }
}

const median = (values: number[]) => percentile(values, 50);

export function printRequestCost(rows: RequestCostRow[]) {
  const ms = (value: number) => value.toFixed(3);
  console.table(
    rows.map((row) => {
      const target = TARGETS[row.request];
      const p50 = median(row.p50s);
      return {
        driver: row.driver,
        request: row.request,
        'p50 ms (median)': `${ms(p50)}${target !== undefined && row.driver === 'postgresql' ? ` (${p50 <= target ? 'ok' : 'MISSED'} ≤ ${target})` : ''}`,
        'p95 ms (median)': ms(median(row.p95s)),
        'CPU ms/request': ms(row.cpuMs),
        'p50 each repetition': row.p50s.map(ms).join(' / '),
        'p95 each repetition': row.p95s.map(ms).join(' / '),
      };
    }),
  );
}
