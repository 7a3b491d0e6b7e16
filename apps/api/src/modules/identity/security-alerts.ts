import { NotificationCategory, NotificationChannel } from '@seatwise/schema';
import type { RequestContext } from '../../context.js';
import { msg, render } from '../../i18n/messages.js';
import { defineMail } from '../mail/mail-template.js';
import { deviceLine } from './device.js';
import { NotificationPreference } from './notification-preference.entity.js';
import type { User } from './user.entity.js';

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
  msg('Seatwise'),
];

const templates = {
  NEW_SIGN_IN: defineMail<AlertData>((d) => ({
    subject: msg('New sign-in to your Seatwise account'),
    paragraphs: [
      msg('Hello {name},', { name: d.firstName }),
      msg('Your Seatwise account was just signed in to from a browser or device not signed in before.'),
      ...closing(d),
    ],
  })),
  PASSWORD_CHANGED: defineMail<AlertData>((d) => ({
    subject: msg('Your Seatwise password was changed'),
    paragraphs: [
      msg('Hello {name},', { name: d.firstName }),
      msg('The password of your Seatwise account was changed, and every other session was signed out.'),
      ...closing(d),
    ],
  })),
  TWO_STEP_OFF: defineMail<AlertData>((d) => ({
    subject: msg('2-step verification was turned off'),
    paragraphs: [
      msg('Hello {name},', { name: d.firstName }),
      msg('2-step verification was turned off for your Seatwise account. Signing in now needs only your password.'),
      ...closing(d),
    ],
  })),
} satisfies Record<SecurityAlertKind, unknown>;

/** Whether the person wants security alerts by email (the default). */
export async function wantsSecurityAlerts(ctx: RequestContext, userId: string): Promise<boolean> {
  const preference = await ctx.em
    .fork()
    .findOne(NotificationPreference, { user: userId, category: NotificationCategory.SECURITY_ALERTS });
  return (preference?.channel ?? NotificationChannel.EMAIL) === NotificationChannel.EMAIL;
}

/**
 * Tells the person about a change to their account's security, in their language, unless they
 * turned security alerts off. Call after the change has committed. A failure to send is logged,
 * never thrown: the change itself has happened.
 */
export async function sendSecurityAlert(ctx: RequestContext, user: User, kind: SecurityAlertKind): Promise<void> {
  try {
    if (!(await wantsSecurityAlerts(ctx, user.id))) return;
    const language = user.language;
    const userAgent = ctx.req.headers['user-agent'] ?? null;
    await ctx.mail.send(templates[kind], {
      to: user.email,
      language,
      data: {
        firstName: user.firstName,
        device: deviceLine(userAgent, language),
        ip: ctx.req.ip ?? render(msg('unknown'), language),
        when: new Date(),
        securityLink: `${ctx.config.publicUrl}/profile/security`,
      },
    });
  } catch (error) {
    ctx.log.error({ err: error, kind }, 'security alert could not be sent');
  }
}
