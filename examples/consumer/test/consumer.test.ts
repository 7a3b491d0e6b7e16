import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { print } from 'graphql';
import {
  ApiScope,
  apiScopeRules,
  ApiTokenKind,
  CreateApiTokenDocument,
  type CreateApiTokenMutation,
  SignInDocument,
  SubscriptionsDocument,
  UsersDocument,
  type UsersQuery,
} from '@seatwise/schema/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSeatReport, seatReport } from '../src/seat-report.js';
import { formatSubscriptionReport, subscriptionReport } from '../src/subscription-report.js';
import { createSeatwiseClient, SeatwiseApiError } from '../src/seatwise-client.js';
import { startSeatwise, type RunningServer } from './seatwise-server.js';

const run = promisify(execFile);
const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));

/** What an admin does in Developer settings: sign in, create a service token, copy its secret. */
async function createServiceToken(url: string, scopes: ApiScope[]): Promise<string> {
  const post = async (query: string, variables: unknown, cookie?: string) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { response, body: (await response.json()) as { data?: unknown; errors?: unknown[] } };
  };
  const signIn = await post(print(SignInDocument), { input: { email: 'admin@example.com', password: 'Seatwise-demo-1' } });
  const cookie = signIn.response.headers.getSetCookie()[0]!.split(';')[0]!;
  const created = await post(print(CreateApiTokenDocument), { input: { kind: ApiTokenKind.SERVICE, name: `consumer ${scopes.join(' ')}`, scopes } }, cookie);
  expect(created.body.errors).toBeUndefined();
  return (created.body.data as CreateApiTokenMutation).createApiToken.secret;
}

describe('examples/consumer against a real Seatwise server', () => {
  let server: RunningServer;
  let token: string;

  beforeAll(async () => {
    server = await startSeatwise();
    token = await createServiceToken(server.url, [ApiScope.READ_USERS, ApiScope.READ_SUBSCRIPTIONS]);
  });
  afterAll(() => server?.stop());

  it('lists the seats used per person with a service token, every page', async () => {
    const client = createSeatwiseClient({ url: server.url, token });
    const report = await seatReport(client);
    expect(report.server.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(report.lines.length).toBeGreaterThan(25);
    expect(report.lines.every((line) => line.seatsUsed > 0)).toBe(true);

    const firstPage: UsersQuery = await client.request(UsersDocument, { first: 100 });
    const holders = firstPage.users.edges.filter((edge) => edge.node.seatCount > 0);
    expect(firstPage.users.pageInfo.hasNextPage).toBe(false);
    expect(report.lines).toHaveLength(holders.length);
    expect(report.totalSeatsUsed).toBe(holders.reduce((sum, edge) => sum + edge.node.seatCount, 0));
    expect(formatSeatReport(report).split('\n')[0]).toBe(
      `Seatwise ${report.server.version}: ${report.lines.length} people hold ${report.totalSeatsUsed} seats`,
    );
  });

  it('lists the subscriptions with the seats used of each', async () => {
    const client = createSeatwiseClient({ url: server.url, token });
    const report = await subscriptionReport(client);
    const { subscriptions: page } = await client.request(SubscriptionsDocument, { first: 100 });
    const subscriptions = page.edges.map((edge) => edge.node);
    expect(page.totalCount).toBe(subscriptions.length);
    expect(report.subscriptions.length).toBeGreaterThan(3);
    expect(report.subscriptions.map((line) => line.id)).toEqual(subscriptions.map((line) => line.id));
    expect(report.subscriptions.every((line) => line.seatsUsed >= 0 && line.seatsUsed <= line.seatsTotal)).toBe(true);
    expect(report.seatsUsed).toBe(subscriptions.reduce((sum, line) => sum + line.seatsUsed, 0));
    expect(report.seatsUsed).toBeGreaterThan(0);
    expect(formatSubscriptionReport(report).split('\n')).toHaveLength(report.subscriptions.length + 2);
  });

  it('runs as a program and prints the subscriptions with their seats', async () => {
    const { stdout } = await run(process.execPath, [main], { env: { ...process.env, SEATWISE_URL: server.url, SEATWISE_TOKEN: token } });
    expect(stdout).toMatch(/^Seatwise \d+\.\d+\.\d+: \d+ subscriptions, \d+ of \d+ seats used\nSubscription +Seats {2}Status/);
  });

  it('reports what the server refuses: a token without read:users, an unknown token', async () => {
    const narrow = await createServiceToken(server.url, [ApiScope.READ_SUBSCRIPTIONS]);
    await expect(seatReport(createSeatwiseClient({ url: server.url, token: narrow }))).rejects.toMatchObject({
      code: 'INSUFFICIENT_SCOPE',
      message: expect.stringContaining(apiScopeRules.READ_USERS.value),
    });
    const unknown = seatReport(createSeatwiseClient({ url: server.url, token: 'sw_svc_not-a-token' }));
    await expect(unknown).rejects.toBeInstanceOf(SeatwiseApiError);
    await expect(unknown).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const usersOnly = await createServiceToken(server.url, [ApiScope.READ_USERS]);
    const refused = await run(process.execPath, [main], { env: { ...process.env, SEATWISE_URL: server.url, SEATWISE_TOKEN: usersOnly } }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('INSUFFICIENT_SCOPE') });
  });
});
