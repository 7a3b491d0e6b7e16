import { Language, NotificationCategory, NotificationChannel } from '@seatwise/schema';
import type { RequestContext } from '../../context.js';
import { defineMail } from '../mail/mail-template.js';
import { deviceLine } from './device.js';
import { NotificationPreference } from './notification-preference.entity.js';
import type { User } from './user.entity.js';

export type SecurityAlertKind = 'NEW_SIGN_IN' | 'PASSWORD_CHANGED' | 'TWO_STEP_OFF';

interface AlertData {
  firstName: string;
  device: string;
  ip: string;
  /** Formatted in the recipient's language, UTC. */
  when: string;
  securityLink: string;
}

const footer = {
  EN: (d: AlertData) =>
    `If this was not you, reset your password now and review your security settings: ${d.securityLink}\n\nYou get this message because security alerts are on in your settings.\n\nSeatwise`,
  SL: (d: AlertData) =>
    `Če to niste bili vi, takoj ponastavite geslo in preverite varnostne nastavitve: ${d.securityLink}\n\nTo sporočilo prejemate, ker imate v nastavitvah vklopljena varnostna opozorila.\n\nSeatwise`,
};

const details = {
  EN: (d: AlertData) => `When: ${d.when}\nDevice: ${d.device}\nIP address: ${d.ip}`,
  SL: (d: AlertData) => `Kdaj: ${d.when}\nNaprava: ${d.device}\nNaslov IP: ${d.ip}`,
};

const templates = {
  NEW_SIGN_IN: defineMail<AlertData>({
    EN: (d) => ({
      subject: 'New sign-in to your Seatwise account',
      text: `Hello ${d.firstName},\n\nYour Seatwise account was just signed in to from a browser or device not signed in before.\n\n${details.EN(d)}\n\n${footer.EN(d)}`,
    }),
    SL: (d) => ({
      subject: 'Nova prijava v vaš račun Seatwise',
      text: `Pozdravljeni, ${d.firstName},\n\nV vaš račun Seatwise se je pravkar nekdo prijavil iz brskalnika ali naprave, ki prej ni bila prijavljena.\n\n${details.SL(d)}\n\n${footer.SL(d)}`,
    }),
  }),
  PASSWORD_CHANGED: defineMail<AlertData>({
    EN: (d) => ({
      subject: 'Your Seatwise password was changed',
      text: `Hello ${d.firstName},\n\nThe password of your Seatwise account was changed, and every other session was signed out.\n\n${details.EN(d)}\n\n${footer.EN(d)}`,
    }),
    SL: (d) => ({
      subject: 'Geslo za Seatwise je bilo spremenjeno',
      text: `Pozdravljeni, ${d.firstName},\n\nGeslo vašega računa Seatwise je bilo spremenjeno, vse druge seje pa so bile odjavljene.\n\n${details.SL(d)}\n\n${footer.SL(d)}`,
    }),
  }),
  TWO_STEP_OFF: defineMail<AlertData>({
    EN: (d) => ({
      subject: '2-step verification was turned off',
      text: `Hello ${d.firstName},\n\n2-step verification was turned off for your Seatwise account. Signing in now needs only your password.\n\n${details.EN(d)}\n\n${footer.EN(d)}`,
    }),
    SL: (d) => ({
      subject: 'Preverjanje v dveh korakih je bilo izklopljeno',
      text: `Pozdravljeni, ${d.firstName},\n\nZa vaš račun Seatwise je bilo izklopljeno preverjanje v dveh korakih. Za prijavo zdaj zadošča geslo.\n\n${details.SL(d)}\n\n${footer.SL(d)}`,
    }),
  }),
} satisfies Record<SecurityAlertKind, unknown>;

const formatWhen = (language: Language, date: Date) =>
  new Intl.DateTimeFormat(language === Language.SL ? 'sl-SI' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(date);

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
    const sl = language === Language.SL;
    const userAgent = ctx.req.headers['user-agent'] ?? null;
    await ctx.mail.send(templates[kind], {
      to: user.email,
      language,
      data: {
        firstName: user.firstName,
        device: deviceLine(userAgent, sl ? 'neznana naprava' : 'unknown device', sl ? 'v sistemu' : 'on'),
        ip: ctx.req.ip ?? (sl ? 'neznan' : 'unknown'),
        when: formatWhen(language, new Date()),
        securityLink: `${ctx.config.publicUrl}/profile/security`,
      },
    });
  } catch (error) {
    ctx.log.error({ err: error, kind }, 'security alert could not be sent');
  }
}
