import type { Language } from '@seatwise/schema';
import { execute } from '../../common/transaction.js';
import type { AccountContext } from '../../context.js';
import { type EventBus, publish } from '../jobs/event-bus.js';
import { invitationMail } from '../mail/invitation.mail.js';
import type { Mailer } from '../mail/mailer.js';

/** An invitation to mail, decided in the transaction that wrote it. */
export interface InvitationToMail {
  to: string;
  language: Language;
  firstName: string;
  token: string;
  expiresAt: Date;
}

declare module '../jobs/event-bus.js' {
  interface EventMap {
    /** Someone was invited (or the link renewed); `link` carries the one-time token until sent. */
    'users.invited': { to: string; language: Language; firstName: string; inviterName: string; accountName: string; link: string; expiresOn: string };
  }
}

/**
 * Publishes one `users.invited` per invitation inside the transaction `tx` that wrote them: the mails
 * go out after it commits, one delivery each, retried on their own.
 */
export async function publishInvitations(tx: AccountContext, invitations: InvitationToMail[]): Promise<void> {
  if (!invitations.length) return;
  const [inviter] = await execute<{ first_name: string; last_name: string; account_name: string }>(
    tx,
    'select u.first_name, u.last_name, a.name as account_name from users u, accounts a where u.id = ? and a.id = ?',
    [tx.viewer.userId, tx.viewer.accountId],
  );
  for (const invitation of invitations) {
    publish(
      tx,
      'users.invited',
      {
        to: invitation.to,
        language: invitation.language,
        firstName: invitation.firstName,
        inviterName: `${inviter!.first_name} ${inviter!.last_name}`,
        accountName: inviter!.account_name,
        link: `${tx.config.publicUrl}/invitation?token=${encodeURIComponent(invitation.token)}`,
        expiresOn: invitation.expiresAt.toISOString().slice(0, 10),
      },
      tx.viewer.accountId,
    );
  }
}

/** The users module's mail, registered at start-up (`app.ts`). */
export function subscribeInvitationMail(events: EventBus, mail: Mailer): void {
  events.subscribe('users.invited', 'mail', ({ to, language, ...data }) => mail.send(invitationMail, { to, language, data }));
}
