import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Language } from '@seatwise/schema';
import { ConfigError, loadConfig } from '../src/config.js';
import { msg } from '../src/i18n/messages.js';
import { confirmEmailChangeMail } from '../src/modules/identity/account-security/account-security.mails.js';
import { passwordResetMail } from '../src/modules/identity/password-reset.mail.js';
import { smsCodeText } from '../src/modules/identity/two-step/two-step.messages.js';
import { invitationMail } from '../src/modules/mail/invitation.mail.js';
import { defineMail } from '../src/modules/mail/mail-template.js';
import { dataOf, errorOf, startTestApp, type TestApp } from './harness.js';
import { sentTo, startSmtpPeer, type SmtpPeer } from './smtp-peer.js';

/** A template of catalogue sentences, with data that must be escaped in the HTML part. */
const greeting = defineMail<{ name: string; link: string }>(({ name, link }) => ({
  subject: msg('Hello {name},', { name }),
  paragraphs: [msg('Hello {name},', { name }), msg('Accept the invitation: {link}', { link })],
}));

const invitation = {
  firstName: 'Maja',
  inviterName: 'Ana Novak',
  accountName: 'Kovina d.o.o.',
  link: 'http://x.test/invitation?token=a1',
  expiresOn: '2026-12-03',
};

const OUTBOX = `query Outbox { outbox(first: 10) { totalCount edges { node { id channel to subject text sentAt } } } }`;
const OUTBOX_PAGE = `query Page($after: String) { outbox(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { to } } } }`;
type OutboxPage = { outbox: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { to: string } }[] } };

describe('mail over a real SMTP peer', () => {
  let peer: SmtpPeer;
  let app: TestApp;

  beforeAll(async () => {
    peer = await startSmtpPeer();
    app = await startTestApp('sqlite', { seed: false, env: { SMTP_URL: peer.url, MAIL_FROM: 'Seatwise <seatwise@test.example>' } });
  });
  afterAll(async () => {
    await app?.close();
    await peer?.close();
  });

  it('delivers the invitation in Slovenian, as text and HTML, with the date as Slovenian writes it', async () => {
    await app.mail.send(invitationMail, { to: 'maja@test.example', language: Language.SL, data: invitation });
    const mail = await peer.waitFor(sentTo('maja@test.example'));
    expect(mail.subject).toBe('Ana Novak vas vabi v Kovina d.o.o. na Seatwise');
    expect(mail.from?.value).toEqual([{ name: 'Seatwise', address: 'seatwise@test.example' }]);
    expect(mail.text).toBe(
      'Pozdravljeni, Maja,\n\nAna Novak vas vabi, da se pridružite računu Kovina d.o.o. na Seatwise, kjer se upravljajo vaša programska oprema in licence.\n\n' +
        'Sprejmite povabilo: http://x.test/invitation?token=a1\n\nPovezava deluje do 3. 12. 2026. Če tega sporočila niste pričakovali, ga lahko prezrete.' +
        // The brand's footer; with no brand set, only the small "powered by".
        '\n\n-- \nPoganja Seatwise',
    );
    expect(mail.html).toContain('<html lang="sl">');
    expect(mail.html).toContain('<p>Sprejmite povabilo: <a href="http://x.test/invitation?token=a1">http://x.test/invitation?token=a1</a></p>');
    expect(mail.html).toContain('Povezava deluje do 3. 12. 2026.');
  });

  it('delivers the same invitation in English', async () => {
    await app.mail.send(invitationMail, { to: 'mark@test.example', language: Language.EN, data: { ...invitation, firstName: 'Mark' } });
    const mail = await peer.waitFor(sentTo('mark@test.example'));
    expect(mail.subject).toBe('Ana Novak invited you to Kovina d.o.o. on Seatwise');
    expect(mail.text).toContain('Hello Mark,\n\nAna Novak invited you to join Kovina d.o.o. on Seatwise');
    expect(mail.text).toContain('The link works until 3 December 2026.');
    expect(mail.html).toContain('<html lang="en">');
  });

  it('writes the plural form each language needs for the count', async () => {
    const reset = { firstName: 'Maja', link: 'http://x.test/reset', firstPassword: false };
    const slovenian: [number, string][] = [[1, '1 minuto'], [2, '2 minuti'], [3, '3 minute'], [5, '5 minut'], [101, '101 minuto']];
    for (const [minutes, words] of slovenian) {
      await app.mail.send(passwordResetMail, { to: `reset-sl-${minutes}@test.example`, language: Language.SL, data: { ...reset, minutes } });
      const mail = await peer.waitFor(sentTo(`reset-sl-${minutes}@test.example`));
      expect(mail.subject).toBe('Ponastavitev gesla za Seatwise');
      expect(mail.text).toContain(`Povezava deluje enkrat in ${words}. Z novim geslom`);
      expect(mail.html).toContain(`Povezava deluje enkrat in ${words}.`);
    }
    for (const [minutes, words] of [[1, '1 minute.'], [30, '30 minutes.']] as const) {
      await app.mail.send(passwordResetMail, { to: `reset-en-${minutes}@test.example`, language: Language.EN, data: { ...reset, minutes } });
      expect((await peer.waitFor(sentTo(`reset-en-${minutes}@test.example`))).text).toContain(`The link works once and for ${words}`);
    }
    const change = { name: 'Maja', newEmail: 'maja.nova@test.example', link: 'http://x.test/confirm' };
    await app.mail.send(confirmEmailChangeMail, { to: 'change-sl@test.example', language: Language.SL, data: { ...change, hours: 1 } });
    expect((await peer.waitFor(sentTo('change-sl@test.example'))).text).toContain('z naslovom maja.nova@test.example, v 1 uri odprite to povezavo:');
    await app.mail.send(confirmEmailChangeMail, { to: 'change-en@test.example', language: Language.EN, data: { ...change, hours: 1 } });
    expect((await peer.waitFor(sentTo('change-en@test.example'))).text).toContain('open this link within 1 hour:');
  });

  it('escapes what the data carries in the HTML part', async () => {
    await app.mail.send(greeting, { to: 'ana@test.example', language: Language.EN, data: { name: '<b>Ana</b>', link: 'http://x.test' } });
    const mail = await peer.waitFor(sentTo('ana@test.example'));
    expect(mail.subject).toBe('Hello <b>Ana</b>,');
    expect(mail.html).toContain('Hello &lt;b&gt;Ana&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>Ana</b>');
    expect(await app.outbox.list()).toEqual([]);
  });
});

describe('the outbox, without an SMTP relay', () => {
  let demo: TestApp;

  beforeAll(async () => {
    demo = await startTestApp('sqlite', { seed: false, env: { SEATWISE_DEMO: '1' } });
  });
  afterAll(() => demo?.close());

  it('keeps each message as a file and lists it, newest first', async () => {
    await demo.mail.send(greeting, { to: 'first@test.example', language: Language.EN, data: { name: 'One', link: 'http://x.test/1' } });
    await demo.mail.send(greeting, { to: 'second@test.example', language: Language.EN, data: { name: 'Two', link: 'http://x.test/2' } });
    await demo.sms.send('+38640123456', Language.SL, smsCodeText('123456', 10, 'Acme Software'));
    type Listed = { outbox: { totalCount: number; edges: { node: { id: string; channel: string; to: string; subject: string | null; text: string } }[] } };
    const listed = dataOf(await demo.client().graphql<Listed>(OUTBOX)).outbox;
    expect(listed.totalCount).toBe(3);
    const outbox = listed.edges.map((edge) => edge.node);
    expect(outbox.map((message) => [message.channel, message.to])).toEqual([
      ['SMS', '+38640123456'],
      ['EMAIL', 'second@test.example'],
      ['EMAIL', 'first@test.example'],
    ]);
    expect(outbox[0]).toMatchObject({ subject: null, text: '123456 je vaša koda za Acme Software. Velja 10 minut. Nikomur je ne povejte.' });
    expect(outbox[1]).toMatchObject({ subject: 'Hello Two,', text: 'Hello Two,\n\nAccept the invitation: http://x.test/2\n\n-- \nPowered by Seatwise' });
    const eml = await readFile(join(demo.outbox.dir, `${outbox[1]!.id}.eml`), 'utf8');
    expect(eml).toMatch(/^Subject: Hello Two,$/m);
    expect(eml).toMatch(/^To: second@test.example$/m);
  });

  it('pages on with after: the next page starts after the last message of this one', async () => {
    const client = demo.client();
    const first = dataOf(await client.graphql<OutboxPage>(OUTBOX_PAGE)).outbox;
    expect(first).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    expect(first.edges.map((edge) => edge.node.to)).toEqual(['+38640123456', 'second@test.example']);
    const next = dataOf(await client.graphql<OutboxPage>(OUTBOX_PAGE, { after: first.pageInfo.endCursor })).outbox;
    expect(next).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: false } });
    expect(next.edges.map((edge) => edge.node.to)).toEqual(['first@test.example']);
  });

  it('searches the recipient, subject and text in any case, and pages through the matches', async () => {
    const SEARCH = `query ($search: String, $after: String) { outbox(first: 1, after: $after, filter: { search: $search }) { totalCount pageInfo { hasNextPage endCursor } edges { node { to } } } }`;
    const client = demo.client();
    const first = dataOf(await client.graphql<OutboxPage>(SEARCH, { search: 'TEST.EXAMPLE' })).outbox;
    expect(first).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    expect(first.edges.map((edge) => edge.node.to)).toEqual(['second@test.example']);
    const next = dataOf(await client.graphql<OutboxPage>(SEARCH, { search: 'TEST.EXAMPLE', after: first.pageInfo.endCursor })).outbox;
    expect(next).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: false } });
    expect(next.edges.map((edge) => edge.node.to)).toEqual(['first@test.example']);
    // The text, not only the address: the code's message.
    expect(dataOf(await client.graphql<OutboxPage>(SEARCH, { search: 'koda' })).outbox.edges.map((edge) => edge.node.to)).toEqual(['+38640123456']);
    expect(dataOf(await client.graphql<OutboxPage>(SEARCH, { search: 'nobody' })).outbox).toMatchObject({ totalCount: 0, edges: [] });
    // Blank is no search.
    expect(dataOf(await client.graphql<OutboxPage>(SEARCH, { search: '  ' })).outbox.totalCount).toBe(3);
  });

  it('refuses a page size out of range, naming the argument', async () => {
    const error = errorOf(await demo.client().graphql(`{ outbox(first: 0) { totalCount } }`));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const tooMany = errorOf(await demo.client().graphql(`{ outbox(first: 101) { totalCount } }`));
    expect(tooMany.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});

describe('the outbox outside demo mode', () => {
  it('is not listed', async () => {
    const app = await startTestApp('sqlite', { seed: false });
    try {
      const error = errorOf(await app.client().graphql(OUTBOX));
      expect(error.extensions?.code).toBe('FORBIDDEN');
    } finally {
      await app.close();
    }
  });
});

describe('mail configuration', () => {
  it('names SMTP_URL when it is not an smtp URL', () => {
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example' })).toThrow(ConfigError);
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example' })).toThrow(/SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/);
  });

  it('builds links from PUBLIC_URL without a trailing slash', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://seatwise.example.com/' }).publicUrl).toBe('https://seatwise.example.com');
    expect(loadConfig({ PORT: '4100' }).publicUrl).toBe('http://localhost:4100');
  });
});
