import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountId, addMembers, addSubscription } from './fixtures/accounts.js';
import { dataOf, drivers, startTestApp, type TestApp } from './harness.js';

/**
 * The API writes its messages in the language a client asks for (`Accept-Language`), English
 * when it asks for none that Seatwise speaks; codes and fields stay the same in every language.
 */
describe.each(drivers)('error messages in the language asked for (%s)', (driver) => {
  let app: TestApp;
  let cookie: string;

  beforeAll(async () => {
    app = await startTestApp(driver);
    const admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
    cookie = [...admin.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  });
  afterAll(() => app?.close());

  const graphql = async (query: string, language?: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(language ? { 'accept-language': language } : {}), ...headers },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { errors?: { message: string; extensions?: { code?: string; field?: string } }[] };
    return { status: response.status, error: body.errors?.[0] };
  };

  it('answers in Slovenian when asked, in English otherwise', async () => {
    const query = '{ teams { totalCount } }';
    expect((await graphql(query, 'sl')).error).toMatchObject({ message: 'Najprej se prijavite.', extensions: { code: 'UNAUTHENTICATED' } });
    expect((await graphql(query, 'sl-SI,sl;q=0.9,en;q=0.8')).error?.message).toBe('Najprej se prijavite.');
    expect((await graphql(query, 'de-DE,en;q=0.5,sl;q=0.4')).error?.message).toBe('You need to sign in first.');
    expect((await graphql(query, 'de')).error?.message).toBe('You need to sign in first.');
    expect((await graphql(query)).error?.message).toBe('You need to sign in first.');
  });

  it('keeps the code and the field of a typed error in every language', async () => {
    const query = '{ team(id: "00000000-0000-4000-8000-000000000000") { id } }';
    const english = await graphql(query, 'en', { cookie });
    const slovenian = await graphql(query, 'sl', { cookie });
    expect(english.error).toMatchObject({ message: 'The team was not found.', extensions: { code: 'NOT_FOUND', field: 'id' } });
    expect(slovenian.error).toMatchObject({ message: 'Ekipe ni mogoče najti.', extensions: { code: 'NOT_FOUND', field: 'id' } });
  });

  it('explains a bad report range in the language asked for, and names the field', async () => {
    const report = (from: string, to: string) => `{ seatUsageByUser(range: { from: "${from}", to: "${to}" }) { totalCount } }`;
    const reversed = report('2026-11-20', '2026-11-01');
    expect((await graphql(reversed, 'sl', { cookie })).error).toMatchObject({
      message: 'Zadnji dan je pred prvim dnem.',
      extensions: { code: 'BAD_USER_INPUT', field: 'range.to' },
    });
    expect((await graphql(reversed, 'en', { cookie })).error?.message).toBe('The last day comes before the first day.');
    const tooLong = await graphql(report('2023-01-01', '2026-11-01'), 'sl', { cookie });
    expect(tooLong.error?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'range' });
    expect(tooLong.error?.message).toMatch(/dve leti/);
  });

  it('writes the plural form Slovenian needs for the count: 1 licenca, 2 licenci, 3 licence, 5 licenc', async () => {
    const account = await accountId(app);
    const forms: [number, string][] = [[1, 'je prosta le 1 licenca'], [2, 'sta prosti le 2 licenci'], [3, 'so proste le 3 licence'], [5, 'je prostih le 5 licenc']];
    for (const [seats, words] of forms) {
      const name = `Plural ${seats} ${driver}`;
      const subscriptionId = await addSubscription(app, account, name, seats);
      const people = await addMembers(app, account, seats + 1, `plural-${seats}`);
      const bulk = `mutation { bulkAssignSeats(input: { subscriptionId: "${subscriptionId}", userIds: ${JSON.stringify(people)} }) { assigned } }`;
      const slovenian = await graphql(bulk, 'sl', { cookie });
      expect(slovenian.error).toMatchObject({
        message: `Pri naročnini ${name} ${words}. Število zahtevanih: ${seats + 1}.`,
        extensions: { code: 'SEAT_LIMIT_REACHED', field: 'subscriptionId' },
      });
      const english = await graphql(bulk, 'en', { cookie });
      expect(english.error?.message).toBe(`Only ${seats} ${seats === 1 ? 'seat' : 'seats'} of ${name} ${seats === 1 ? 'is' : 'are'} free; ${seats + 1} were asked for.`);
    }
  });

  it('names a variable of the wrong type for people, and keeps graphql-js words in detail', async () => {
    const post = async (language: string) => {
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': language, cookie },
        body: JSON.stringify({ query: 'query U($first: Int) { users(first: $first) { totalCount } }', variables: { first: 'many' } }),
      });
      return ((await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] }).errors[0]!;
    };
    const slovenian = await post('sl');
    expect(slovenian.message).toBe('Vrednost polja first ni pravega tipa.');
    expect(slovenian.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(slovenian.extensions.detail).toMatch(/Int cannot represent/);
    expect((await post('en')).message).toBe('The value given for first is not of the right type.');
  });

  it('refuses a bad API token in the language asked for', async () => {
    const refused = await graphql('{ teams { totalCount } }', 'sl', { authorization: 'Bearer not-a-token' });
    expect(refused.status).toBe(401);
    expect(refused.error?.extensions?.code).toBeTruthy();
    const english = await graphql('{ teams { totalCount } }', 'en', { authorization: 'Bearer not-a-token' });
    expect(refused.error?.message).not.toBe(english.error?.message);
  });

  it('writes REST errors in the language asked for', async () => {
    const post = (language: string) =>
      fetch(`${app.url}/api/usage-events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': language, authorization: 'Bearer x' },
        body: '{not json',
      });
    const slovenian = await post('sl');
    expect(slovenian.status).toBe(400);
    expect(await slovenian.json()).toEqual({ error: { code: 'BAD_USER_INPUT', message: 'Telo zahteve ni veljaven JSON.', field: 'body' } });
    expect(await (await post('en')).json()).toMatchObject({ error: { message: 'The request body is not valid JSON.' } });
  });
});
