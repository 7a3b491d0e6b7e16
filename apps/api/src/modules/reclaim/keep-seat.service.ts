import type { EntityManager } from '@mikro-orm/knex';
import { type Language, ReclaimNoticeState } from '@seatwise/schema';
import { isoOfDay, localDay } from '../../common/days.js';
import { run } from '../../common/sql.js';
import type { Config } from '../../config.js';
import { Account } from '../accounts/account.entity.js';
import { User } from '../identity/user.entity.js';
import { checkLinkToken } from '../notifications/unsubscribe-link.js';
import { Subscription } from '../subscriptions/subscription.entity.js';
import { KEEP_SEAT_LINK } from './reclaim-mails.js';
import { ReclaimNotice } from './reclaim-notice.entity.js';

/** The longest reason a holder can give for keeping their seat. */
export const KEEP_REASON_MAX = 500;

/** What the "Keep my seat" page shows: the notice of a valid link, its holder and seat. */
export interface KeepSeatNotice {
  noticeId: string;
  state: ReclaimNoticeState;
  email: string;
  language: Language;
  subscription: string;
  /** The account's day the seat would be taken back (YYYY-MM-DD). */
  reclaimOn: string;
}

/** The notice a "Keep my seat" token names; null when the token is not a valid one. */
export async function noticeOfKeepLink(em: EntityManager, config: Config, token: string): Promise<KeepSeatNotice | null> {
  const fields = checkLinkToken(config, KEEP_SEAT_LINK, token);
  const noticeId = fields?.length === 1 && typeof fields[0] === 'string' ? fields[0] : null;
  if (!noticeId) return null;
  const notice = await em.findOne(ReclaimNotice, { id: noticeId }, { filters: false });
  if (!notice) return null;
  const [user, subscription, account] = await Promise.all([
    em.findOne(User, { id: notice.user.id }),
    em.findOne(Subscription, { id: notice.subscriptionId }, { filters: false, fields: ['name'] }),
    em.findOneOrFail(Account, { id: notice.account.id }),
  ]);
  if (!user) return null;
  return {
    noticeId,
    state: notice.state,
    email: user.email,
    language: user.language as Language,
    subscription: subscription?.name ?? '',
    reclaimOn: isoOfDay(localDay(notice.reclaimAt, account.timeZone)),
  };
}

/**
 * "Keep my seat": the pending notice becomes KEPT with the holder's reason, and the seat's idle
 * clock starts again from today (the account's day). The conditional update is the single use: of
 * two clicks at once, one keeps and the other finds the notice no longer pending. Returns the
 * notice's state afterwards (KEPT when this call kept it).
 */
export async function keepSeat(em: EntityManager, noticeId: string, reason: string, now: Date): Promise<{ kept: boolean; state: ReclaimNoticeState }> {
  const notice = await em.findOneOrFail(ReclaimNotice, { id: noticeId }, { filters: false });
  const account = await em.findOneOrFail(Account, { id: notice.account.id });
  const platform = em.getPlatform();
  const touched = await run(
    em,
    `update reclaim_notices set state = 'KEPT', kept_at = ?, kept_day = ?, keep_reason = ?, resolved_at = ? where id = ? and account_id = ? and state = 'PENDING'`,
    [platform.processDateProperty(now), localDay(now, account.timeZone), reason.slice(0, KEEP_REASON_MAX), platform.processDateProperty(now), noticeId, account.id],
  );
  if (touched === 1) return { kept: true, state: ReclaimNoticeState.KEPT };
  const again = await em.fork().findOneOrFail(ReclaimNotice, { id: noticeId }, { filters: false });
  return { kept: false, state: again.state };
}
