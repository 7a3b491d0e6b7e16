import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { DEMO_OPERATOR_EMAIL, DEMO_OPERATOR_PHONE } from '../src/db/seed/demo-operator.js';
import { dataOf, DEMO_PASSWORD, startTestApp, type Driver, type TestClient } from '../test/harness.js';
import { latestSmsCode } from '../test/security-fixtures.js';

const SIZE = 1024 ** 3;
const CHUNK = 1024 ** 2;
const TARGET_MB_PER_SECOND = 100;
const TARGET_RSS_MB = 64;

export interface UploadRow {
  driver: Driver;
  bytes: number;
  seconds: number;
  mbPerSecond: number;
  rssGrowthMb: number;
  checksumMatches: boolean;
}

/** 1 GiB made on the fly from one reused 1 MiB block whose first bytes count the blocks: nothing is kept. */
function generated(): { stream: Readable; digest: () => string } {
  const block = Buffer.alloc(CHUNK, 7);
  const hash = createHash('sha256');
  let sent = 0;
  const stream = new Readable({
    highWaterMark: CHUNK,
    read() {
      if (sent >= SIZE) return void this.push(null);
      block.writeUInt32BE(sent / CHUNK, 0);
      const chunk = Buffer.from(block);
      hash.update(chunk);
      sent += CHUNK;
      this.push(chunk);
    },
  });
  return { stream, digest: () => hash.digest('hex') };
}

async function signInOperator(app: Awaited<ReturnType<typeof startTestApp>>): Promise<TestClient> {
  const client = app.client();
  await client.graphql('mutation ($input: SignInInput!) { signIn(input: $input) { secondStep { method } } }', { input: { email: DEMO_OPERATOR_EMAIL, password: DEMO_PASSWORD } });
  const code = await latestSmsCode(app, DEMO_OPERATOR_PHONE);
  dataOf(await client.graphql('mutation ($code: String!) { completeSignIn(input: { code: $code, kind: SMS }) { staff { role } } }', { code }));
  return client;
}

/**
 * `upload`: one 1 GiB file PATCHed to the catalogue's upload route over loopback, the server in this
 * process; the figure is the process's peak RSS above its level before the upload began.
 */
export async function benchUpload(driver: Driver, pgAdminUrl: string): Promise<UploadRow> {
  const app = await startTestApp(driver, { pgAdminUrl, seed: { users: 10 }, env: { SEATWISE_JOB_WORKER: '0' } });
  try {
    const operator = await signInOperator(app);
    const product = dataOf(
      await operator.graphql<{ createCatalogueProduct: { id: string } }>('mutation { createCatalogueProduct(input: { code: "BENCH", name: "Bench", licenceTypes: [SINGLE_USER] }) { id } }'),
    ).createCatalogueProduct;
    const versions = dataOf(
      await operator.graphql<{ addProductVersion: { versions: { id: string }[] } }>(
        'mutation ($id: UUID!) { addProductVersion(input: { productId: $id, version: "1", releasedOn: "2026-12-01" }) { versions { id } } }',
        { id: product.id },
      ),
    ).addProductVersion.versions;
    const upload = dataOf(
      await operator.graphql<{ createFileUpload: { url: string } }>(
        'mutation ($input: CreateFileUploadInput!) { createFileUpload(input: $input) { url } }',
        { input: { versionId: versions[0]!.id, kind: 'INSTALLER', name: 'Bench', platform: 'LINUX', language: 'en-US', fileName: 'bench.bin', size: SIZE } },
      ),
    ).createFileUpload;
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const { stream, digest } = generated();
    const target = new URL(`${app.url}${upload.url}`);
    const started = performance.now();
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'PATCH',
          headers: {
            cookie: [...operator.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
            'content-type': 'application/offset+octet-stream',
            'upload-offset': '0',
            'content-length': String(SIZE),
          },
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      stream.pipe(req);
    });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    if (answer.status !== 201) throw new Error(`upload failed: ${answer.status} ${answer.body}`);
    const { file } = JSON.parse(answer.body) as { file: { sha256: string; size: number } };
    return {
      driver,
      bytes: file.size,
      seconds,
      mbPerSecond: SIZE / 1024 ** 2 / seconds,
      rssGrowthMb: (peak - baseline) / 1024 ** 2,
      checksumMatches: file.sha256 === digest(),
    };
  } finally {
    await app.close();
  }
}

export function printUpload(rows: UploadRow[]) {
  console.table(
    rows.map((row) => ({
      driver: row.driver,
      'size MiB': row.bytes / 1024 ** 2,
      seconds: row.seconds.toFixed(2),
      'MiB/s': `${row.mbPerSecond.toFixed(0)} (${row.mbPerSecond >= TARGET_MB_PER_SECOND ? 'ok' : 'MISSED'} ≥ ${TARGET_MB_PER_SECOND})`,
      'RSS growth MiB': `${row.rssGrowthMb.toFixed(1)} (${row.rssGrowthMb <= TARGET_RSS_MB ? 'ok' : 'MISSED'} ≤ ${TARGET_RSS_MB})`,
      'SHA-256 matches': row.checksumMatches ? 'yes' : 'NO',
    })),
  );
}
