import { Language } from '@seatwise/schema';
import type { RequestContext } from '../../context.js';
import { defineMail } from '../mail/mail-template.js';
import type { User } from './user.entity.js';

export type SecurityAlertKind = 'NEW_SIGN_IN' | 'PASSWORD_CHANGED' | 'TWO_STEP_OFF';

const what: Record<Language, Record<SecurityAlertKind, string>> = {
  [Language.EN]: {
    NEW_SIGN_IN: 'Someone signed in to your Seatwise account.',
    PASSWORD_CHANGED: 'The password of your Seatwise account was changed.',
    TWO_STEP_OFF: '2-step verification was turned off for your Seatwise account.',
  },
  [Language.SL]: {
    NEW_SIGN_IN: 'Nekdo se je prijavil v vaš račun Seatwise.',
    PASSWORD_CHANGED: 'Geslo vašega računa Seatwise je bilo spremenjeno.',
    TWO_STEP_OFF: 'Preverjanje v dveh korakih je bilo za vaš račun Seatwise izklopljeno.',
  },
};

const securityAlertMail = defineMail<{ kind: SecurityAlertKind; name: string; link: string }>({
  EN: ({ kind, name, link }) => ({
    subject: 'Security alert for your Seatwise account',
    text: `Hello ${name},\n\n${what.EN[kind]}\n\nIf this was you, there is nothing to do. If not, change your password and review your security settings: ${link}`,
  }),
  SL: ({ kind, name, link }) => ({
    subject: 'Varnostno obvestilo za vaš račun Seatwise',
    text: `Pozdravljeni, ${name},\n\n${what.SL[kind]}\n\nČe ste to storili vi, vam ni treba storiti ničesar. Če ne, spremenite geslo in preglejte varnostne nastavitve: ${link}`,
  }),
});

/**
 * Tells the person about a security-relevant change, in their language. Called after the change
 * has committed, best effort. (The Settings tab's notification preferences decide this in the full version.)
 */
export async function sendSecurityAlert(ctx: RequestContext, user: User, kind: SecurityAlertKind): Promise<void> {
  try {
    await ctx.mail.send(securityAlertMail, {
      to: user.email,
      language: user.language,
      data: { kind, name: user.firstName, link: `${ctx.config.publicUrl}/profile/security` },
    });
  } catch (error) {
    // The change itself has committed; a relay that is down must not turn it into an error.
    ctx.req.log?.error({ err: error, kind }, 'security alert could not be sent');
  }
}
