import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, drivers, startTestApp, type TestApp } from './harness.js';

const CREATE = `mutation Create($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }`;

const batch = (id: string) => ({
  events: [{ id, type: 'PRODUCT_SESSION', product: 'DRF', user: 'user@example.com', occurredAt: '2026-11-25T08:00:00Z', minutes: 30 }],
});

describe.each(drivers)('usage ingestion with an API token (%s)', (driver) => {
  let app: TestApp;
  let ingest: string;
  let readOnly: string;

  const post = (body: unknown, authorization?: string) =>
    fetch(`${app.url}/api/usage-events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    app = await startTestApp(driver);
    const admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
    const create = async (scopes: string[]) =>
      dataOf(await admin.graphql<{ createApiToken: { secret: string } }>(CREATE, { input: { kind: 'SERVICE', name: scopes.join(' '), scopes } }))
        .createApiToken.secret;
    ingest = await create(['INGEST_USAGE']);
    readOnly = await create(['READ_REPORTS']);
  });
  afterAll(() => app?.close());

  it('stores a batch sent with an ingest:usage token, and a resend changes nothing', async () => {
    const first = await post(batch('token-1'), `Bearer ${ingest}`);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ received: 1, accepted: 1, duplicates: 0, rejected: [] });
    const again = await post(batch('token-1'), `Bearer ${ingest}`);
    expect(await again.json()).toMatchObject({ accepted: 0, duplicates: 1 });
    const rows = await app.sql<{ n: number }>(`select count(*) as n from usage_events where event_id = ?`, ['token-1']);
    expect(Number(rows[0]!.n)).toBe(1);
  });

  it('refuses a token without ingest:usage (403) and an unknown one (401), storing nothing', async () => {
    const narrow = await post(batch('token-2'), `Bearer ${readOnly}`);
    expect(narrow.status).toBe(403);
    expect(await narrow.json()).toMatchObject({ error: { code: 'INSUFFICIENT_SCOPE' } });
    const unknown = await post(batch('token-3'), 'Bearer sw_svc_not-a-real-token');
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    const nobody = await post(batch('token-4'));
    expect(nobody.status).toBe(401);
    const rows = await app.sql<{ n: number }>(`select count(*) as n from usage_events where event_id in (?, ?, ?)`, ['token-2', 'token-3', 'token-4']);
    expect(Number(rows[0]!.n)).toBe(0);
  });
});
