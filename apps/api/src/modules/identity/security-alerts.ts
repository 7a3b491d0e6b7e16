import { NotificationCategory, NotificationChannel } from '@seatwise/schema';
import type { EntityManager } from '@mikro-orm/knex';
import type { Config } from '../../config.js';
import type { RequestContext } from '../../context.js';
import { msg, render } from '../../i18n/messages.js';
import { type EventBus, publish } from '../jobs/event-bus.js';
import { defineMail } from '../mail/mail-template.js';
import type { Mailer } from '../mail/mailer.js';
import { deviceLine } from './device.js';
import { NotificationPreference } from './notification-preference.entity.js';
import { User } from './user.entity.js';

export type SecurityAlertKind = 'NEW_SIGN_IN' | 'PASSWORD_CHANGED' | 'TWO_STEP_OFF';

interface AlertData {
  firstName: string;
  device: string;
  ip: string;
  when: Date;
  securityLink: string;
}

/** What every alert says after its first sentence: when, from where, and what to do if it was not you. */
const closing = (d: AlertData) => [
  [msg('When: {when}', { when: d.when }), msg('Device: {device}', { device: d.device }), msg('IP address: {ip}', { ip: d.ip })],
  msg('If this was not you, reset your password now and review your security settings: {link}', { link: d.securityLink }),
  msg('You get this message because security alerts are on in your settings.'),
  msg('{brand}'),
];

const templates = {
  NEW_SIGN_IN: defineMail<AlertData>((d) => ({
    subject: msg('New sign-in to your {brand} account'),
    paragraphs: [
      msg('Hello {name},', { name: d.firstName }),
      msg('Your {brand} account was just signed in to from a browser or device not signed in before.'),
      ...closing(d),
    ],
  })),
  PASSWORD_CHANGED: defineMail<AlertData>((d) => ({
    subject: msg('Your {brand} password was changed'),
    paragraphs: [
      msg('Hello {name},', { name: d.firstName }),
      msg('The password of your {brand} account was changed, and every other session was signed out.'),
      ...closing(d),
    ],
  })),
  TWO_STEP_OFF: defineMail<AlertData>((d) => ({
    subject: msg('2-step verification was turned off'),
    paragraphs: [
      msg('Hello {name},', { name: d.firstName }),
      msg('2-step verification was turned off for your {brand} account. Signing in now needs only your password.'),
      ...closing(d),
    ],
  })),
} satisfies Record<SecurityAlertKind, unknown>;

/** Whether the person wants security alerts by email (the default). */
export async function wantsSecurityAlerts(em: EntityManager, userId: string): Promise<boolean> {
  const preference = await em.findOne(NotificationPreference, { user: userId, category: NotificationCategory.SECURITY_ALERTS });
  return (preference?.channel ?? NotificationChannel.EMAIL) === NotificationChannel.EMAIL;
}

/** A change to the security of someone's account, told to them by mail after it commits. */
export interface SecurityAlertEvent {
  userId: string;
  kind: SecurityAlertKind;
  /** The browser or app that made the change, and from where. */
  userAgent: string | null;
  ip: string | null;
  /** ISO moment of the change. */
  at: string;
}

declare module '../jobs/event-bus.js' {
  interface EventMap {
    'identity.security-alert': SecurityAlertEvent;
  }
}

/**
 * Publishes the alert in the transaction of the change (`tx`), so it is sent if and only if the
 * change committed; the preference is read when it is sent.
 */
export function publishSecurityAlert(tx: RequestContext, user: User, kind: SecurityAlertKind): void {
  publish(tx, 'identity.security-alert', {
    userId: user.id,
    kind,
    userAgent: tx.req.headers['user-agent'] ?? null,
    ip: tx.req.ip ?? null,
    at: new Date().toISOString(),
  });
}

/**
 * The mail subscriber: tells the person in their language, unless they turned security alerts off
 * (or are gone). A failure to send is thrown, so the bus retries it.
 */
export function subscribeSecurityAlertMail(events: EventBus, mail: Mailer, config: Config): void {
  events.subscribe('identity.security-alert', 'mail', async (alert, { em }) => {
    const user = await em.findOne(User, { id: alert.userId });
    if (!user || !(await wantsSecurityAlerts(em, user.id))) return;
    const language = user.language;
    await mail.send(templates[alert.kind], {
      to: user.email,
      language,
      data: {
        firstName: user.firstName,
        device: deviceLine(alert.userAgent, language),
        ip: alert.ip ?? render(msg('unknown'), language),
        when: new Date(alert.at),
        securityLink: `${config.publicUrl}/profile/security`,
      },
    });
  });
}
