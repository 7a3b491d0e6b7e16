import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { userId } from './fixtures/accounts.js';
import {
  createClient,
  DEMO_PASSWORD,
  dataOf,
  drivers,
  errorOf,
  startTestApp,
  type GraphqlResponse,
  type TestApp,
  type TestClient,
} from './harness.js';
import { startSecondProcess, type SecondProcess } from './second-process.js';
import { appCode, freshPerson } from './security-fixtures.js';

const SIGN_IN = `mutation SignIn($email: String!, $password: String!) { signIn(input: { email: $email, password: $password }) { viewer { id } } }`;
const CHANGE_PASSWORD = `mutation Change($password: String!) { changePassword(input: { currentPassword: $password, newPassword: "An-entirely-new-one-2026" }) { endedSessions } }`;
const CHANGE_EMAIL = `mutation Change($password: String!) { changeEmail(input: { newEmail: "moved@throttle.example", password: $password }) { newEmail } }`;
const DELETE = `mutation Delete($password: String!) { deleteOwnAccount(input: { password: $password }) }`;
const START_APP = `mutation Start($password: String!) { startAuthenticatorSetup(input: { password: $password }) { secret } }`;
const CONFIRM = `mutation Confirm($code: String!) { confirmTwoStep(input: { code: $code }) { codes } }`;
const TURN_OFF = `mutation Off($password: String!) { turnOffTwoStep(input: { password: $password }) { enabled } }`;
const TRANSFER = `mutation Transfer($userId: UUID!, $password: String!) { transferPrimaryAdmin(input: { userId: $userId, password: $password }) { id } }`;
const INVITE = `mutation Invite($email: String!) { inviteUser(input: { email: $email, firstName: "Gost", lastName: "Povabljen" }) { id } }`;
const ACCEPT = `mutation Accept($token: String!, $password: String!) { acceptInvitation(input: { token: $token, password: $password }) { viewer { id } } }`;

const BURST = 40;
const codeOf = (answer: GraphqlResponse<unknown>) => (answer.errors?.length ? errorOf(answer).extensions?.code : 'OK');

/** How many answers had each code: `{ INVALID_CREDENTIALS: 3, TOO_MANY_ATTEMPTS: 37 }`. */
function tally(answers: GraphqlResponse<unknown>[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const answer of answers) {
    const code = String(codeOf(answer));
    counts[code] = (counts[code] ?? 0) + 1;
  }
  return counts;
}

const parallel = <T>(count: number, attempt: (index: number) => Promise<T>) => Promise.all(Array.from({ length: count }, (_, index) => attempt(index)));

/**
 * An address of this machine other than loopback, for a peer that is "another host". The proxy
 * tests need one: without it they would pass whatever `trust proxy` says, so its absence fails
 * them instead of skipping them.
 */
function outsideAddress(): string {
  const found = Object.values(networkInterfaces())
    .flat()
    .find((address) => address && !address.internal && address.family === 'IPv4')?.address;
  if (!found) throw new Error('The proxy tests need a non-loopback IPv4 interface on this machine (none found).');
  return found;
}

/** The app also served on `host`; answers its URL and how to stop it. */
async function serveOn(app: TestApp, host: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(app.seatwise.app);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    url: `http://${host}:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A sign-in over plain HTTP to `url`, optionally as forwarded by a proxy for `forwardedFor`. */
async function signInVia(url: string, email: string, password: string, forwardedFor?: string): Promise<GraphqlResponse<unknown>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
    body: JSON.stringify({ query: SIGN_IN, variables: { email, password } }),
  });
  return (await response.json()) as GraphqlResponse<unknown>;
}

describe.each(drivers)('password checks are limited per account, counted before the check (%s)', (driver) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp(driver, { env: { SEATWISE_SIGNIN_FAILURES_PER_ACCOUNT: '3', SEATWISE_SIGNIN_FAILURES_PER_IP: '1000' } });
  });
  afterAll(() => app?.close());
  beforeEach(() => app.sql('delete from rate_limits'));

  it('checks no more wrong sign-ins than the limit, however many arrive at once, and then refuses the right password', async () => {
    const email = 'user@example.com';
    const burst = await parallel(BURST, () => app.client().signIn(email, 'wrong-password'));
    expect(tally(burst)).toEqual({ INVALID_CREDENTIALS: 3, TOO_MANY_ATTEMPTS: BURST - 3 });
    const refused = burst.map(errorOf).find((error) => error.extensions?.code === 'TOO_MANY_ATTEMPTS')!;
    expect(refused.extensions).toEqual({ code: 'TOO_MANY_ATTEMPTS', field: 'email' });

    const late = await parallel(10, (index) => app.client().signIn(email, index === 9 ? DEMO_PASSWORD : 'wrong-password'));
    expect(tally(late)).toEqual({ TOO_MANY_ATTEMPTS: 10 });
  });

  it('limits an unknown email the same way', async () => {
    const burst = await parallel(BURST, () => app.client().signIn('nobody@throttle.example', 'wrong-password'));
    expect(tally(burst)).toEqual({ INVALID_CREDENTIALS: 3, TOO_MANY_ATTEMPTS: BURST - 3 });
  });

  /**
   * Every operation that asks for the password again, as the signed-in person (or, for an
   * invitation, whoever holds the link): `prepare` answers whose limit it spends and how to try
   * a password.
   */
  const operations: {
    name: string;
    wrong: { code: string; field: string };
    prepare: () => Promise<{ email: string; attempt: (password: string) => Promise<GraphqlResponse<unknown>> }>;
  }[] = [
    {
      name: 'password change',
      wrong: { code: 'WRONG_PASSWORD', field: 'currentPassword' },
      prepare: async () => {
        const { email, client } = await signedInPerson();
        return { email, attempt: (password) => client.graphql(CHANGE_PASSWORD, { password }) };
      },
    },
    {
      name: 'email change',
      wrong: { code: 'BAD_USER_INPUT', field: 'password' },
      prepare: async () => {
        const { email, client } = await signedInPerson();
        return { email, attempt: (password) => client.graphql(CHANGE_EMAIL, { password }) };
      },
    },
    {
      name: 'account deletion',
      wrong: { code: 'BAD_USER_INPUT', field: 'password' },
      prepare: async () => {
        const { email, client } = await signedInPerson();
        return { email, attempt: (password) => client.graphql(DELETE, { password }) };
      },
    },
    {
      name: '2-step set-up',
      wrong: { code: 'BAD_USER_INPUT', field: 'password' },
      prepare: async () => {
        const { email, client } = await signedInPerson();
        return { email, attempt: (password) => client.graphql(START_APP, { password }) };
      },
    },
    {
      name: 'turning 2-step off',
      wrong: { code: 'BAD_USER_INPUT', field: 'password' },
      prepare: async () => {
        const { email, client } = await signedInPerson();
        const { secret } = dataOf(await client.graphql<{ startAuthenticatorSetup: { secret: string } }>(START_APP, { password: DEMO_PASSWORD })).startAuthenticatorSetup;
        dataOf(await client.graphql(CONFIRM, { code: appCode(secret) }));
        return { email, attempt: (password) => client.graphql(TURN_OFF, { password }) };
      },
    },
    {
      name: 'primary admin handover',
      wrong: { code: 'BAD_USER_INPUT', field: 'password' },
      prepare: async () => {
        const email = 'admin@example.com';
        const client = app.client();
        dataOf(await client.signIn(email));
        const successor = await userId(app, 'maja.horvat@kolektor-gradnje.si');
        return { email, attempt: (password) => client.graphql(TRANSFER, { userId: successor, password }) };
      },
    },
    {
      name: 'accepting an invitation as an existing person',
      wrong: { code: 'BAD_USER_INPUT', field: 'password' },
      prepare: async () => {
        const person = await freshPerson(app);
        const alpine = app.client();
        dataOf(await alpine.signIn('admin@alpine.example'));
        dataOf(await alpine.graphql(INVITE, { email: person.email }));
        await app.deliverEvents();
        const mail = (await app.outbox.list(200)).find((message) => message.to === person.email && message.text.includes('invitation?token='));
        const token = decodeURIComponent(/invitation\?token=(\S+)/.exec(mail!.text)![1]!);
        return { email: person.email, attempt: (password) => app.client().graphql(ACCEPT, { token, password }) };
      },
    },
  ];

  async function signedInPerson(): Promise<{ email: string; client: TestClient }> {
    const { email } = await freshPerson(app);
    const client = app.client();
    dataOf(await client.signIn(email));
    return { email, client };
  }

  it.each(operations)('$name checks no more wrong passwords than the account limit, and spends the sign-in limit', async ({ prepare, wrong }) => {
    const { email, attempt } = await prepare();
    const burst = await parallel(12, () => attempt('wrong-password'));
    expect(tally(burst)).toEqual({ [wrong.code]: 3, TOO_MANY_ATTEMPTS: 9 });
    expect(burst.map(errorOf).find((error) => error.extensions?.code === wrong.code)!.extensions?.field).toBe(wrong.field);
    expect(burst.map(errorOf).find((error) => error.extensions?.code === 'TOO_MANY_ATTEMPTS')!.extensions?.field).toBe(wrong.field);
    // The operation and sign-in share the account's limit: the right password opens neither now.
    expect(errorOf(await attempt(DEMO_PASSWORD)).extensions?.code).toBe('TOO_MANY_ATTEMPTS');
    expect(errorOf(await app.client().signIn(email)).extensions).toEqual({ code: 'TOO_MANY_ATTEMPTS', field: 'email' });
  });

  it('a right password in any of them clears the account count', async () => {
    const { email, client } = await signedInPerson();
    for (let round = 0; round < 3; round += 1) {
      expect(errorOf(await client.graphql(START_APP, { password: 'wrong-password' })).extensions?.code).toBe('BAD_USER_INPUT');
      expect(errorOf(await client.graphql(START_APP, { password: 'wrong-password' })).extensions?.code).toBe('BAD_USER_INPUT');
      dataOf(await client.graphql(START_APP, { password: DEMO_PASSWORD }));
    }
    dataOf(await app.client().signIn(email));
  });
});

describe.each(drivers)('password checks are limited per client IP (%s)', (driver) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp(driver, { env: { SEATWISE_SIGNIN_FAILURES_PER_ACCOUNT: '1000', SEATWISE_SIGNIN_FAILURES_PER_IP: '5' } });
  });
  afterAll(() => app?.close());
  beforeEach(() => app.sql('delete from rate_limits'));

  it('checks no more wrong sign-ins from one IP than its limit, whatever the emails, and then refuses the right password', async () => {
    const burst = await parallel(BURST, (index) => app.client().signIn(`guess-${index}@throttle.example`, 'wrong-password'));
    expect(tally(burst)).toEqual({ INVALID_CREDENTIALS: 5, TOO_MANY_ATTEMPTS: BURST - 5 });
    expect(errorOf(await app.client().signIn('user@example.com')).extensions?.code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('the other password checks spend the same IP limit', async () => {
    const { email } = await freshPerson(app);
    const client = app.client();
    dataOf(await client.signIn(email));
    const burst = await parallel(12, () => client.graphql(DELETE, { password: 'wrong-password' }));
    expect(tally(burst)).toEqual({ BAD_USER_INPUT: 5, TOO_MANY_ATTEMPTS: 7 });
    expect(errorOf(await app.client().signIn('user@example.com')).extensions?.code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('successful sign-ins do not count towards the IP limit', async () => {
    for (let round = 0; round < 8; round += 1) dataOf(await app.client().signIn('user@example.com'));
    expect(tally(await parallel(8, (index) => app.client().signIn(`guess-${index}@throttle.example`, 'wrong-password')))).toEqual({
      INVALID_CREDENTIALS: 5,
      TOO_MANY_ATTEMPTS: 3,
    });
  });

  // With the default (TRUST_PROXY=loopback) only a proxy on this host may say who the client is.
  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    const { url, close } = await serveOn(app, outsideAddress());
    try {
      const burst = await parallel(12, (index) => signInVia(url, `dodge-${index}@throttle.example`, 'wrong-password', `198.51.100.${index + 1}`));
      expect(tally(burst)).toEqual({ INVALID_CREDENTIALS: 5, TOO_MANY_ATTEMPTS: 7 });
      expect(codeOf(await signInVia(url, 'user@example.com', DEMO_PASSWORD, '198.51.100.200'))).toBe('TOO_MANY_ATTEMPTS');
      // Other clients of this instance are not locked out with it.
      dataOf(await app.client().signIn('user@example.com'));
    } finally {
      await close();
    }
  });
});

describe.each(drivers)('per-IP limit behind a proxy, TRUST_PROXY=1 (%s)', (driver) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp(driver, {
      env: { TRUST_PROXY: '1', SEATWISE_SIGNIN_FAILURES_PER_ACCOUNT: '1000', SEATWISE_SIGNIN_FAILURES_PER_IP: '5' },
    });
  });
  afterAll(() => app?.close());

  // The proxy is on another host (a container, Kubernetes) where this machine has such an address.
  it('counts failures per forwarded client address: one client is locked out, another behind the same proxy is not', async () => {
    const { url, close } = await serveOn(app, outsideAddress());
    try {
      const burst = await parallel(12, (index) => signInVia(url, `guess-${index}@throttle.example`, 'wrong-password', '203.0.113.7'));
      expect(tally(burst)).toEqual({ INVALID_CREDENTIALS: 5, TOO_MANY_ATTEMPTS: 7 });
      expect(codeOf(await signInVia(url, 'user@example.com', DEMO_PASSWORD, '203.0.113.7'))).toBe('TOO_MANY_ATTEMPTS');
      expect(codeOf(await signInVia(url, 'user@example.com', DEMO_PASSWORD, '203.0.113.8'))).toBe('OK');
      // One hop is trusted: an address the client itself put further left changes nothing.
      expect(codeOf(await signInVia(url, 'user@example.com', DEMO_PASSWORD, '203.0.113.8, 203.0.113.7'))).toBe('TOO_MANY_ATTEMPTS');
      const rows = await app.sql<{ key: string }>('select key from rate_limits');
      expect(rows.map((row) => row.key)).toContain('signin_ip:203.0.113.7');
    } finally {
      await close();
    }
  });
});

describe('password checks across two API processes (postgresql)', () => {
  const limits = { SEATWISE_SIGNIN_FAILURES_PER_ACCOUNT: '3', SEATWISE_SIGNIN_FAILURES_PER_IP: '6' };
  let app: TestApp;
  let second: SecondProcess;
  let clients: [TestClient, TestClient];

  beforeAll(async () => {
    app = await startTestApp('postgresql', { env: limits });
    second = await startSecondProcess(app.databaseUrl, app.dataDir, limits);
    clients = [app.client(), createClient(second.url)];
  }, 120_000);
  afterAll(async () => {
    await second?.stop();
    await app?.close();
  });
  beforeEach(() => app.sql('delete from rate_limits'));

  it('never checks more wrong passwords for one account than the limit, split across both', async () => {
    const burst = await parallel(BURST, (index) => clients[index % 2]!.signIn('user@example.com', 'wrong-password'));
    expect(tally(burst)).toEqual({ INVALID_CREDENTIALS: 3, TOO_MANY_ATTEMPTS: BURST - 3 });
    // Both processes refused some: they read one count.
    expect(burst.some((answer, index) => index % 2 === 0 && codeOf(answer) === 'TOO_MANY_ATTEMPTS')).toBe(true);
    expect(burst.some((answer, index) => index % 2 === 1 && codeOf(answer) === 'TOO_MANY_ATTEMPTS')).toBe(true);
    expect(codeOf(await clients[1].signIn('user@example.com'))).toBe('TOO_MANY_ATTEMPTS');
  });

  it('never checks more wrong passwords from one IP than the limit, split across both', async () => {
    const burst = await parallel(BURST, (index) => clients[index % 2]!.signIn(`guess-${index}@throttle.example`, 'wrong-password'));
    expect(tally(burst)).toEqual({ INVALID_CREDENTIALS: 6, TOO_MANY_ATTEMPTS: BURST - 6 });
    expect(codeOf(await clients[0].signIn('user@example.com'))).toBe('TOO_MANY_ATTEMPTS');
    expect(codeOf(await clients[1].signIn('user@example.com'))).toBe('TOO_MANY_ATTEMPTS');
  });
});
