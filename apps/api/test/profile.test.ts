import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, drivers, errorOf, startTestApp, type TestApp, type TestClient } from './harness.js';

const PROFILE = `query { myProfile { id email firstName lastName phone company country language } }`;
const UPDATE = `mutation Update($input: UpdateProfileInput!) { updateProfile(input: $input) { firstName lastName phone company country language } }`;
const SETTINGS = `query { mySettings { language notifications { category channel } } }`;
const UPDATE_SETTINGS = `mutation Update($input: UpdateSettingsInput!) { updateSettings(input: $input) { language notifications { category channel } } }`;

interface Profile {
  firstName: string;
  lastName: string;
  phone: string | null;
  company: string | null;
  country: string | null;
  language: string;
}

describe.each(drivers)('profile and settings (%s)', (driver) => {
  let app: TestApp;
  let client: TestClient;

  beforeAll(async () => {
    app = await startTestApp(driver);
    client = app.client();
    dataOf(await client.signIn('user@example.com'));
  });
  afterAll(() => app?.close());

  const profile = async () => dataOf(await client.graphql<{ myProfile: Profile }>(PROFILE)).myProfile;

  it('shows the own profile', async () => {
    expect(await profile()).toMatchObject({
      email: 'user@example.com',
      firstName: 'Jure',
      lastName: 'Kovač',
      company: 'Kolektor Gradnje d.o.o.',
      country: 'SI',
      language: 'EN',
    });
  });

  it('edits fields in place, normalising the phone number to E.164', async () => {
    const { updateProfile } = dataOf(await client.graphql<{ updateProfile: Profile }>(UPDATE, {
      input: { phone: '040 123 456', company: '  Kolektor d.o.o. ' },
    }));
    expect(updateProfile).toMatchObject({ phone: '+38640123456', company: 'Kolektor d.o.o.', firstName: 'Jure', country: 'SI' });
    dataOf(await client.graphql(UPDATE, { input: { firstName: ' Jurij ', lastName: 'Kovač' } }));
    expect(await profile()).toMatchObject({ firstName: 'Jurij', phone: '+38640123456' });
    const [row] = await app.sql<{ sort_name: string }>("select sort_name from users where email = 'user@example.com'");
    expect(row!.sort_name).toBe('jurij kovač');
    dataOf(await client.graphql(UPDATE, { input: { company: '' } }));
    expect((await profile()).company).toBeNull();
  });

  it.each<[Partial<Profile>, string]>([
    [{ phone: '12' }, 'phone'],
    [{ phone: '+386 40 12' }, 'phone'],
    [{ country: 'XX' }, 'country'],
    [{ firstName: '   ' }, 'firstName'],
    [{ lastName: 'x'.repeat(101) }, 'lastName'],
    [{ company: 'c'.repeat(201) }, 'company'],
  ])('refuses %j naming the field, and changes nothing', async (input, field) => {
    const before = await profile();
    const error = errorOf(await client.graphql(UPDATE, { input: { firstName: 'Changed', ...input } }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await profile()).toEqual(before);
  });

  it('refuses a language outside the list, naming the field', async () => {
    const error = errorOf(await client.graphql(UPDATE, { input: { language: 'DE' } }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.language' });
  });

  it('keeps language and notification choices with the person, across sessions', async () => {
    expect(dataOf(await client.graphql<{ mySettings: unknown }>(SETTINGS)).mySettings).toEqual({
      language: 'EN',
      notifications: [
        { category: 'PRODUCT_UPDATES', channel: 'EMAIL' },
        { category: 'SUBSCRIPTION_RENEWALS', channel: 'EMAIL' },
        { category: 'SECURITY_ALERTS', channel: 'EMAIL' },
        { category: 'USAGE_ALERTS', channel: 'EMAIL' },
      ],
    });
    dataOf(await client.graphql(UPDATE_SETTINGS, {
      input: { language: 'SL', notifications: [{ category: 'PRODUCT_UPDATES', channel: 'NONE' }, { category: 'USAGE_ALERTS', channel: 'NONE' }] },
    }));
    dataOf(await client.graphql(UPDATE_SETTINGS, { input: { notifications: [{ category: 'USAGE_ALERTS', channel: 'EMAIL' }] } }));

    const elsewhere = app.client();
    dataOf(await elsewhere.signIn('user@example.com'));
    expect(dataOf(await elsewhere.graphql<{ me: { language: string } }>(`{ me { language } }`)).me.language).toBe('SL');
    expect(dataOf(await elsewhere.graphql<{ mySettings: { notifications: unknown[] } }>(SETTINGS)).mySettings.notifications).toEqual([
      { category: 'PRODUCT_UPDATES', channel: 'NONE' },
      { category: 'SUBSCRIPTION_RENEWALS', channel: 'EMAIL' },
      { category: 'SECURITY_ALERTS', channel: 'EMAIL' },
      { category: 'USAGE_ALERTS', channel: 'EMAIL' },
    ]);
  });

  it('refuses a category listed twice, naming the row, and changes nothing', async () => {
    const before = dataOf(await client.graphql(SETTINGS));
    const error = errorOf(await client.graphql(UPDATE_SETTINGS, {
      input: { language: 'EN', notifications: [{ category: 'SECURITY_ALERTS', channel: 'NONE' }, { category: 'SECURITY_ALERTS', channel: 'EMAIL' }] },
    }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'notifications[1].category' });
    expect(dataOf(await client.graphql(SETTINGS))).toEqual(before);
  });

  it('needs a session', async () => {
    expect(errorOf(await app.client().graphql(PROFILE)).extensions?.code).toBe('UNAUTHENTICATED');
    expect(errorOf(await app.client().graphql(SETTINGS)).extensions?.code).toBe('UNAUTHENTICATED');
  });
});
