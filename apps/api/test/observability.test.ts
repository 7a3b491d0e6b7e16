import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuiltServer, type BuiltServer } from './built-server.js';
import { createClient, DEMO_PASSWORD, dataOf, drivers } from './harness.js';
import { DOWNLOADS, type EntitlementNode, ENTITLEMENTS } from './products-helpers.js';

const OUTBOX = '{ outbox(first: 20) { edges { node { to text } } } }';

/**
 * Issue 20, item 4, against the built server as `npm start` runs it (a child process; its stdout is
 * pino's destination): liveness and readiness, Prometheus metrics behind METRICS_TOKEN, and logs that
 * carry the request id and the account but none of the secrets the requests carried.
 */
describe.each(drivers)('health, metrics and logs of the running server (%s)', (driver) => {
  const metricsToken = randomBytes(24).toString('hex');
  let server: BuiltServer;
  beforeAll(async () => {
    server = await startBuiltServer(driver, { env: { LOG_LEVEL: 'debug', METRICS_TOKEN: metricsToken } });
  }, 120_000);
  afterAll(() => server?.stop());

  const scrape = async () => {
    const response = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.text();
  };

  it('answers /healthz while alive and /readyz with the database, migrations and worker checked', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok', database: driver });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      database: driver,
      checks: { database: { ok: true }, migrations: { ok: true }, worker: { ok: true }, shutdown: { ok: true } },
    });
  });

  it('serves /metrics only to a bearer of METRICS_TOKEN', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${metricsToken.slice(1)}x` } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect(await scrape()).toContain('seatwise_process_cpu_seconds_total');
  });

  it('logs each request with its id and account, never a token, cookie, password or signed link', async () => {
    const before = server.output().length;
    const wrongPassword = `Wrong-${randomBytes(8).toString('hex')}`;
    const stranger = createClient(server.url);
    const refused = await stranger.graphql('mutation SignIn($input: SignInInput!) { signIn(input: $input) { viewer { id } } }', {
      input: { email: 'admin@example.com', password: wrongPassword },
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');

    const admin = createClient(server.url);
    dataOf(await admin.signIn('admin@example.com', DEMO_PASSWORD));
    const session = [...admin.cookies.values()];
    expect(session.length).toBeGreaterThan(0);
    const { me } = dataOf(await admin.graphql<{ me: { account: { id: string } } }>('{ me { account { id } } }'));
    const accountId = me.account.id;

    const { createApiToken } = dataOf(
      await admin.graphql<{ createApiToken: { secret: string } }>('mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }', {
        input: { kind: 'SERVICE', name: 'Log check', scopes: ['READ_USERS'] },
      }),
    );
    const bearer = createApiToken.secret;
    // A request id a proxy in front gave the request is kept; the response echoes it.
    const requestId = `req-${randomBytes(6).toString('hex')}`;
    const withToken = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}`, 'x-request-id': requestId },
      body: JSON.stringify({ query: 'query People { users(first: 1) { totalCount } }' }),
    });
    expect(withToken.status).toBe(200);
    expect(withToken.headers.get('x-request-id')).toBe(requestId);

    const products = dataOf(await admin.graphql<{ productEntitlements: EntitlementNode[] }>(ENTITLEMENTS)).productEntitlements;
    const version = products.find((product) => product.code === 'DRF')!.versions[0]!;
    const { productDownloads } = dataOf(await admin.graphql<{ productDownloads: { installers: { id: string }[] } }>(DOWNLOADS, { versionId: version.id }));
    const [link] = dataOf(
      await admin.graphql<{ createDownloadLinks: { url: string }[] }>('mutation ($ids: [UUID!]!) { createDownloadLinks(fileIds: $ids) { url } }', { ids: [productDownloads.installers[0]!.id] }),
    ).createDownloadLinks;
    const signedToken = link!.url.split('/')[3]!;
    const downloaded = await fetch(`${server.url}${link!.url}`);
    expect(downloaded.status).toBe(200);
    await downloaded.arrayBuffer();
    // A signed link the server refuses is logged as a warning, with its URL: still without the token.
    expect((await fetch(`${server.url}/api/downloads/${signedToken}x/${encodeURIComponent('file.exe')}`)).status).toBeGreaterThanOrEqual(400);

    dataOf(await stranger.graphql('mutation { requestPasswordReset(input: { email: "user@example.com" }) }'));
    let resetToken: string | undefined;
    for (let attempt = 0; attempt < 100 && !resetToken; attempt += 1) {
      const outbox = dataOf(await stranger.graphql<{ outbox: { edges: { node: { to: string; text: string } }[] } }>(OUTBOX)).outbox;
      resetToken = outbox.edges.map((edge) => /reset-password\?token=([^\s&]+)/.exec(edge.node.text)?.[1]).find(Boolean);
      if (!resetToken) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(resetToken).toBeTruthy();
    // The link as the person's browser opens it (this server has no web app: a 404, logged as a warning).
    await (await fetch(`${server.url}/reset-password?token=${resetToken}&lang=sl`)).text();
    const resetDone = await stranger.graphql('mutation ($input: ResetPasswordInput!) { resetPassword(input: $input) }', {
      input: { token: decodeURIComponent(resetToken!), newPassword: `Fresh-${randomBytes(8).toString('hex')}-pass` },
    });
    expect(resetDone.errors).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 300));

    const log = server.output().slice(before);
    const lines = log
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { req?: { id?: string; url?: string }; accountId?: string; msg?: string });
    const tokened = lines.find((line) => line.req?.id === requestId);
    expect(tokened, log).toMatchObject({ accountId, msg: 'request completed' });
    expect(lines.filter((line) => line.req?.url === '/graphql' && line.accountId === accountId).length).toBeGreaterThan(3);
    expect(lines.some((line) => line.req?.url?.startsWith('/api/downloads/[redacted]/'))).toBe(true);
    expect(lines.some((line) => line.req?.url === '/reset-password?token=[redacted]&lang=sl')).toBe(true);
    for (const secret of [wrongPassword, DEMO_PASSWORD, bearer, ...session, signedToken, resetToken!, decodeURIComponent(resetToken!)]) {
      expect(log.includes(secret), `the log holds ${secret.slice(0, 12)}…`).toBe(false);
    }
  });

  it('counts requests, GraphQL operations, failed sign-ins, the pool and the queue', async () => {
    const text = await scrape();
    expect(text).toMatch(/seatwise_http_requests_total\{method="POST",route="\/graphql",status="200"\} \d+/);
    expect(text).toMatch(/seatwise_http_request_duration_seconds_bucket\{le="0.1",method="GET",route="\/api\/downloads"\} \d+/);
    expect(text).toMatch(/seatwise_graphql_operations_total\{operation="SignIn",type="mutation",code="OK"\} [1-9]/);
    expect(text).toMatch(/seatwise_graphql_operations_total\{operation="SignIn",type="mutation",code="INVALID_CREDENTIALS"\} 1/);
    expect(text).toMatch(/seatwise_graphql_operations_total\{operation="People",type="query",code="OK"\} 1/);
    expect(text).toMatch(/seatwise_graphql_operation_duration_seconds_count\{operation="People",type="query"\} 1/);
    expect(text).toMatch(/seatwise_sign_in_failures_total\{code="INVALID_CREDENTIALS"\} 1/);
    expect(text).toMatch(/seatwise_db_pool_connections\{state="used"\} \d+/);
    expect(text).toMatch(/seatwise_db_pool_connections\{state="free"\} \d+/);
    for (const queue of ['jobs', 'event_deliveries']) {
      expect(text).toMatch(new RegExp(`seatwise_queue_depth\\{queue="${queue}",status="QUEUED"\\} \\d+`));
      expect(text).toMatch(new RegExp(`seatwise_queue_oldest_queued_seconds\\{queue="${queue}"\\} [\\d.]+`));
    }
  });
});
