import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, dataOf, drivers, errorOf, startTestApp, type TestApp } from './harness.js';
import { freshPerson, linkIn } from './security-fixtures.js';
import { sentTo, startSmtpPeer, type SmtpPeer } from './smtp-peer.js';

const CHANGE = `mutation Change($newEmail: String!, $password: String!) {
  changeEmail(input: { newEmail: $newEmail, password: $password }) { newEmail expiresAt }
}`;
const CONFIRM = `mutation Confirm($token: String!) { confirmEmailChange(input: { token: $token }) { email } }`;
const SECURITY = `query { accountSecurity { email pendingEmailChange { newEmail expiresAt } } }`;

interface Security {
  accountSecurity: { email: string; pendingEmailChange: { newEmail: string; expiresAt: string } | null };
}

const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

describe.each(drivers)('changing the sign-in email (%s)', (driver) => {
  let app: TestApp;
  let peer: SmtpPeer;

  beforeAll(async () => {
    peer = await startSmtpPeer();
    app = await startTestApp(driver, { env: { SMTP_URL: peer.url, PUBLIC_URL: 'https://seatwise.test' } });
  });
  afterAll(async () => {
    await app?.close();
    await peer?.close();
  });

  it('refuses a malformed address, the same address and a wrong password, naming the field, and records nothing', async () => {
    const person = await freshPerson(app);
    const client = app.client();
    dataOf(await client.signIn(person.email));
    const cases: [Record<string, string>, string][] = [
      [{ newEmail: 'not-an-address', password: DEMO_PASSWORD }, 'newEmail'],
      [{ newEmail: 'a@b', password: DEMO_PASSWORD }, 'newEmail'],
      [{ newEmail: person.email.toUpperCase(), password: DEMO_PASSWORD }, 'newEmail'],
      [{ newEmail: 'fine@new.example', password: 'wrong-password' }, 'password'],
    ];
    for (const [variables, field] of cases) {
      const error = errorOf(await client.graphql(CHANGE, variables));
      expect(error.extensions, JSON.stringify(variables)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await app.sql('select * from email_changes where user_id = ?', [person.id])).toHaveLength(0);
    expect(peer.received.filter(sentTo('fine@new.example'))).toHaveLength(0);
  });

  it('sends a link to the new address in the person’s language, tells the old one, and changes the address only when the link is opened', async () => {
    const person = await freshPerson(app, { language: 'SL' });
    const newEmail = `novi.${driver}@new.example`;
    const client = app.client();
    dataOf(await client.signIn(person.email));
    const pending = dataOf(await client.graphql<{ changeEmail: { newEmail: string } }>(CHANGE, { newEmail: ` ${newEmail.toUpperCase()} `, password: DEMO_PASSWORD }));
    expect(pending.changeEmail.newEmail).toBe(newEmail);

    const toNew = await peer.waitFor(sentTo(newEmail));
    expect(toNew.subject).toBe('Potrdite svoj novi e-poštni naslov za Seatwise');
    expect(toNew.text).toContain(`Če se želite odslej v Seatwise prijavljati z naslovom ${newEmail}, v 24 urah odprite to povezavo:`);
    expect(toNew.html).toContain('<html lang="sl">');
    const link = linkIn(toNew.text);
    expect(link).toMatch(/^https:\/\/seatwise\.test\/confirm-email\?token=/);
    const toOld = await peer.waitFor((mail) => sentTo(person.email)(mail) && mail.subject!.startsWith('Zahtevana je bila sprememba'));
    expect(toOld.text).toContain(newEmail);

    // Only a hash of the token is stored.
    const rows = JSON.stringify(await app.sql('select * from email_changes where user_id = ?', [person.id]));
    expect(rows).not.toContain(tokenOf(link));

    const security = dataOf(await client.graphql<Security>(SECURITY)).accountSecurity;
    expect(security).toMatchObject({ email: person.email, pendingEmailChange: { newEmail } });
    expect(errorOf(await app.client().signIn(newEmail)).extensions?.code).toBe('INVALID_CREDENTIALS');

    // Opened on another device, without a session.
    const confirmed = dataOf(await app.client().graphql<{ confirmEmailChange: { email: string } }>(CONFIRM, { token: tokenOf(link) }));
    expect(confirmed.confirmEmailChange.email).toBe(newEmail);
    const told = await peer.waitFor((mail) => sentTo(person.email)(mail) && mail.subject === 'Vaš e-poštni naslov za Seatwise je bil spremenjen');
    expect(told.text).toContain(newEmail);

    dataOf(await app.client().signIn(newEmail));
    expect(errorOf(await app.client().signIn(person.email)).extensions?.code).toBe('INVALID_CREDENTIALS');
    expect(dataOf(await client.graphql<Security>(SECURITY)).accountSecurity).toMatchObject({ email: newEmail, pendingEmailChange: null });

    // Single use.
    const reused = errorOf(await app.client().graphql(CONFIRM, { token: tokenOf(link) }));
    expect(reused.extensions).toMatchObject({ code: 'LINK_INVALID', field: 'token' });
  });

  it('refuses an expired link and a made-up one, changing nothing', async () => {
    const person = await freshPerson(app);
    const newEmail = `late.${driver}@new.example`;
    const client = app.client();
    dataOf(await client.signIn(person.email));
    dataOf(await client.graphql(CHANGE, { newEmail, password: DEMO_PASSWORD }));
    const sent = await peer.waitFor(sentTo(newEmail));
    expect(sent.subject).toBe('Confirm your new Seatwise email address');
    expect(sent.text).toContain(`To sign in to Seatwise with ${newEmail} from now on, open this link within 24 hours:`);
    const link = linkIn(sent.text);
    await app.sql('update email_changes set expires_at = ? where user_id = ?', [
      app.driver === 'sqlite' ? Date.now() - 1000 : new Date(Date.now() - 1000),
      person.id,
    ]);
    const expired = errorOf(await app.client().graphql(CONFIRM, { token: tokenOf(link) }));
    expect(expired.extensions).toMatchObject({ code: 'LINK_EXPIRED', field: 'token' });
    const madeUp = errorOf(await app.client().graphql(CONFIRM, { token: 'x'.repeat(43) }));
    expect(madeUp.extensions).toMatchObject({ code: 'LINK_INVALID', field: 'token' });
    expect(dataOf(await client.graphql<Security>(SECURITY)).accountSecurity.email).toBe(person.email);
  });

  it('a new request voids the earlier link, and cancelling voids it too', async () => {
    const person = await freshPerson(app);
    const client = app.client();
    dataOf(await client.signIn(person.email));
    const first = `first.${driver}@new.example`;
    const second = `second.${driver}@new.example`;
    dataOf(await client.graphql(CHANGE, { newEmail: first, password: DEMO_PASSWORD }));
    const firstLink = linkIn((await peer.waitFor(sentTo(first))).text);
    dataOf(await client.graphql(CHANGE, { newEmail: second, password: DEMO_PASSWORD }));
    const secondLink = linkIn((await peer.waitFor(sentTo(second))).text);
    expect(errorOf(await app.client().graphql(CONFIRM, { token: tokenOf(firstLink) })).extensions?.code).toBe('LINK_INVALID');
    expect(dataOf(await client.graphql<{ cancelEmailChange: boolean }>('mutation { cancelEmailChange }')).cancelEmailChange).toBe(true);
    expect(errorOf(await app.client().graphql(CONFIRM, { token: tokenOf(secondLink) })).extensions?.code).toBe('LINK_INVALID');
    expect(dataOf(await client.graphql<Security>(SECURITY)).accountSecurity.pendingEmailChange).toBeNull();
  });

  it('an address that already signs in gets a notice instead of a link; the requester sees the usual answer', async () => {
    const person = await freshPerson(app);
    const client = app.client();
    dataOf(await client.signIn(person.email));
    const before = peer.received.filter(sentTo('user@example.com')).length;
    const answer = dataOf(await client.graphql<{ changeEmail: { newEmail: string } }>(CHANGE, { newEmail: 'user@example.com', password: DEMO_PASSWORD }));
    expect(answer.changeEmail.newEmail).toBe('user@example.com');
    const notice = await peer.waitFor(
      (mail) => sentTo('user@example.com')(mail) && mail.subject === 'Your address was offered as a new Seatwise sign-in email',
    );
    expect(notice.text).not.toContain('confirm-email');
    expect(peer.received.filter(sentTo('user@example.com')).length).toBe(before + 1);
  });
});
