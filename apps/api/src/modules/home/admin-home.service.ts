import { type AdminHome, SubscriptionStatus } from '@seatwise/schema';
import { fragment, inAccount, query, sql } from '../../common/sql.js';
import type { AccountContext } from '../../context.js';
import { isoDate } from '../../common/days.js';
import { accountToday } from '../accounts/account-day.js';
import { runningSql } from '../subscriptions/subscription-rules.js';
import { offeredSql } from '../catalog/catalog-rules.js';
import { latestSubscriptionEvents } from '../subscriptions/subscription-events.queries.js';
import { listSubscriptions } from '../subscriptions/subscriptions.service.js';
import { openSupportRequests, recentSupportRequests } from '../support/support.service.js';

const LISTED = 5;
/** Expired subscriptions stay on the home page this long after their end. */
const EXPIRED_SHOWN_DAYS = 90;

interface ReleaseRow {
  id: string;
  code: string;
  name: string;
  version: string;
  released_at: string | Date;
}

/** The admin's landing page (F-10): latest releases of owned products, renewals due, open support requests. */
export async function adminHome(ctx: AccountContext): Promise<AdminHome> {
  const { todayIso } = await accountToday(ctx);
  const [subscriptions, support, recent, releases, events] = await Promise.all([
    listSubscriptions(ctx, {}),
    openSupportRequests(ctx, LISTED),
    recentSupportRequests(ctx, LISTED),
    query<ReleaseRow>(
      ctx.em,
      sql`select p.id, p.code, p.name, v.version, v.released_at
       from product_versions v join products p on p.id = v.product_id
       where ${fragment(offeredSql('v'))} and exists (select 1 from subscription_products sp join subscriptions s on s.account_id = sp.account_id and s.id = sp.subscription_id
         where ${inAccount(ctx, 'sp')} and sp.product_id = p.id and ${fragment(runningSql('s'), [todayIso])})
       order by v.released_at desc, p.name
       limit ${fragment(String(LISTED))}`,
    ),
    latestSubscriptionEvents(ctx, LISTED),
  ]);
  const running = subscriptions.filter((subscription) => subscription.status !== SubscriptionStatus.CANCELLED);
  const within = (days: number) => running.filter((item) => item.daysToRenewal >= 0 && item.daysToRenewal <= days).length;
  return {
    releases: releases.map((row) => ({
      product: { id: row.id, code: row.code, name: row.name },
      version: row.version,
      releasedOn: isoDate(row.released_at),
    })),
    renewals: running
      .filter((item) => item.daysToRenewal <= 90 && item.daysToRenewal >= -EXPIRED_SHOWN_DAYS)
      .sort((a, b) => a.daysToRenewal - b.daysToRenewal),
    subscriptionEvents: events,
    renewingIn30: within(30),
    renewingIn60: within(60),
    renewingIn90: within(90),
    expired: running.filter((item) => item.status === SubscriptionStatus.EXPIRED).length,
    openSupportRequests: support.items,
    recentSupportRequests: recent,
    openSupportRequestCount: support.total,
  };
}
