import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ApiScope } from '@seatwise/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerLocals, requireBearer } from '../src/modules/tokens/bearer-middleware.js';
import { dataOf, startTestApp, type TestApp } from './harness.js';

/** The REST side of tokens, as the usage-ingestion endpoint uses it, on a route of its own. */
describe('requireBearer for REST routes', () => {
  let app: TestApp;
  let server: Server;
  let url: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp('sqlite');
    const admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
    for (const scope of ['INGEST_USAGE', 'READ_USERS']) {
      const { createApiToken } = dataOf(
        await admin.graphql<{ createApiToken: { secret: string } }>(
          'mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }',
          { input: { kind: 'SERVICE', name: scope, scopes: [scope] } },
        ),
      );
      tokens[scope] = createApiToken.secret;
    }
    const rest = express();
    rest.post('/ingest', requireBearer(app.orm, ApiScope.INGEST_USAGE), (_req, res) => {
      const { principal } = bearerLocals(res);
      res.json({ accountId: principal.accountId, kind: principal.token.kind });
    });
    server = createServer(rest);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ingest`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await app?.close();
  });

  const call = (authorization?: string) =>
    fetch(url, { method: 'POST', headers: authorization ? { authorization } : {} }).then(async (response) => ({
      status: response.status,
      challenge: response.headers.get('www-authenticate'),
      body: (await response.json()) as { accountId?: string; errors?: { extensions: Record<string, unknown> }[] },
    }));

  it('lets a token with the scope through, bound to its account', async () => {
    const [account] = await app.sql<{ id: string }>("select id from accounts where name like 'Kolektor%'");
    const { status, body } = await call(`Bearer ${tokens.INGEST_USAGE}`);
    expect(status).toBe(200);
    expect(body).toEqual({ accountId: account!.id, kind: 'SERVICE' });
  });

  it('refuses a missing or unknown token with 401 and a Bearer challenge', async () => {
    for (const header of [undefined, 'Bearer sw_svc_nope']) {
      const { status, challenge, body } = await call(header);
      expect(status).toBe(401);
      expect(challenge).toBe('Bearer');
      expect(body.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses a token without the scope with 403 INSUFFICIENT_SCOPE', async () => {
    const { status, body } = await call(`Bearer ${tokens.READ_USERS}`);
    expect(status).toBe(403);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'INSUFFICIENT_SCOPE', requiredScope: 'ingest:usage' });
  });
});
