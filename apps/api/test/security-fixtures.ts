import { TOTP, Secret } from 'otpauth';
import { hashPassword } from '../src/modules/identity/password.js';
import { DEMO_PASSWORD, type TestApp } from './harness.js';

let passwordHash: Promise<string> | undefined;
const used = new Set<string>();

/**
 * A seeded person with the User role who has not been used by another test of the suite, given
 * the demo password (generated people have none) and the language asked for.
 */
export async function freshPerson(
  app: TestApp,
  options: { withSeats?: boolean; language?: 'EN' | 'SL' } = {},
): Promise<{ id: string; email: string }> {
  passwordHash ??= hashPassword(DEMO_PASSWORD);
  const seats = options.withSeats
    ? 'and exists (select 1 from seat_assignments sa where sa.user_id = u.id)'
    : '';
  const rows = await app.sql<{ id: string; email: string }>(
    `select u.id, u.email from users u join memberships m on m.user_id = u.id
     where m.role = 'USER' and m.status = 'ACTIVE' and u.email like '%@kolektor-gradnje.si' ${seats}
     order by u.email`,
  );
  const person = rows.find((row) => !used.has(row.email));
  if (!person) throw new Error('No unused seeded person left');
  used.add(person.email);
  await app.sql('update users set password_hash = ?, language = ? where id = ?', [await passwordHash, options.language ?? 'EN', person.id]);
  return person;
}

/** What an authenticator app shows for this secret, `stepsAhead` periods from now. */
export function appCode(secret: string, stepsAhead = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: Date.now() + stepsAhead * 30_000,
  });
}

/** The 6-digit code in the newest text message to `phone` kept in the outbox (sent after commit, so delivered first). */
export async function latestSmsCode(app: TestApp, phone: string): Promise<string> {
  await app.deliverEvents();
  const message = (await app.outbox.list(200)).find((m) => m.channel === 'SMS' && m.to === phone);
  const code = message && /\b(\d{6})\b/.exec(message.text)?.[1];
  if (!code) throw new Error(`No text message with a code to ${phone}`);
  return code;
}

/** The first link in a message's text. */
export function linkIn(text: string | undefined): string {
  const link = /https?:\/\/\S+[^\s.,]/.exec(text ?? '')?.[0];
  if (!link) throw new Error(`No link in: ${text}`);
  return link;
}
