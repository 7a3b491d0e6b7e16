import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Language } from '@seatwise/schema';
import { ConfigError, loadConfig } from '../src/config.js';
import { defineMail } from '../src/modules/mail/mail-template.js';
import { dataOf, errorOf, startTestApp, type TestApp } from './harness.js';
import { sentTo, startSmtpPeer, type SmtpPeer } from './smtp-peer.js';

const greeting = defineMail<{ name: string; link: string }>({
  EN: ({ name, link }) => ({ subject: `Hello ${name}`, text: `Hello ${name},\n\nOpen ${link} <now>.` }),
  SL: ({ name, link }) => ({ subject: `Pozdravljeni, ${name}`, text: `Pozdravljeni, ${name},\n\nOdprite ${link}.` }),
});

const OUTBOX = `query Outbox { outbox(first: 10) { id channel to subject text sentAt } }`;

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

  it('delivers the message in the recipient language, as text and HTML', async () => {
    await app.mail.send(greeting, { to: 'maja@test.example', language: Language.SL, data: { name: 'Maja', link: 'http://x.test/a?b=1' } });
    const mail = await peer.waitFor(sentTo('maja@test.example'));
    expect(mail.subject).toBe('Pozdravljeni, Maja');
    expect(mail.from?.value).toEqual([{ name: 'Seatwise', address: 'seatwise@test.example' }]);
    expect(mail.text).toContain('Odprite http://x.test/a?b=1.');
    expect(mail.html).toContain('<a href="http://x.test/a?b=1">http://x.test/a?b=1</a>.');
  });

  it('escapes what the data carries in the HTML part', async () => {
    await app.mail.send(greeting, { to: 'ana@test.example', language: Language.EN, data: { name: '<b>Ana</b>', link: 'http://x.test' } });
    const mail = await peer.waitFor(sentTo('ana@test.example'));
    expect(mail.subject).toBe('Hello <b>Ana</b>');
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
    await demo.sms.send('+38640123456', 'Your Seatwise code is 123456');
    const { outbox } = dataOf(await demo.client().graphql<{ outbox: { id: string; channel: string; to: string; subject: string | null; text: string }[] }>(OUTBOX));
    expect(outbox.map((message) => [message.channel, message.to])).toEqual([
      ['SMS', '+38640123456'],
      ['EMAIL', 'second@test.example'],
      ['EMAIL', 'first@test.example'],
    ]);
    expect(outbox[1]).toMatchObject({ subject: 'Hello Two', text: 'Hello Two,\n\nOpen http://x.test/2 <now>.' });
    const eml = await readFile(join(demo.outbox.dir, `${outbox[1]!.id}.eml`), 'utf8');
    expect(eml).toMatch(/^Subject: Hello Two$/m);
    expect(eml).toMatch(/^To: second@test.example$/m);
  });

  it('refuses a page size out of range, naming the argument', async () => {
    const error = errorOf(await demo.client().graphql(`{ outbox(first: 0) { id } }`));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
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
