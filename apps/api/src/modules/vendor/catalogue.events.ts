import { type Language, NotificationCategory, NotificationChannel } from '@seatwise/schema';
import type { Config } from '../../config.js';
import { localDay, isoOfDay } from '../../common/days.js';
import { execute } from '../../common/transaction.js';
import { day, msg } from '../../i18n/messages.js';
import type { StaffContext } from '../../graphql/vendor-access.js';
import type { ProductVersion } from '../catalog/product-version.entity.js';
import { type EventBus, publish } from '../jobs/event-bus.js';
import { defineMail, link } from '../mail/mail-template.js';
import type { Mailer } from '../mail/mailer.js';
import { runningSql } from '../subscriptions/subscription-rules.js';
import { unsubscribeParagraphs } from '../notifications/notification-mails.js';
import { claimNotification } from '../notifications/notifications.service.js';
import { unsubscribeOf } from '../notifications/unsubscribe-link.js';

declare module '../jobs/event-bus.js' {
  interface EventMap {
    /** A version was published: one per person entitled to it who wants product updates by mail. */
    'catalogue.version-released': { userId: string; productName: string; version: string; releasedOn: string };
  }
}

interface ReleaseMail {
  firstName: string;
  productName: string;
  version: string;
  releasedOn: string;
  link: string;
  unsubscribe: string;
}

const releaseMail = defineMail<ReleaseMail>((d) => ({
  subject: msg('{product} {version} is available', { product: d.productName, version: d.version }),
  paragraphs: [
    msg('Hello {name},', { name: d.firstName }),
    msg('{product} {version}, released on {date}, is now available to download.', { product: d.productName, version: d.version, date: day(d.releasedOn) }),
    link(d.link),
    ...unsubscribeParagraphs(NotificationCategory.PRODUCT_UPDATES, d.unsubscribe),
  ],
}));

interface Recipient {
  user_id: string;
}

/**
 * Who hears of a new version: active members of accounts who hold a seat of a running subscription
 * that includes the product, cloud licences aside, and have not turned product updates off. Each
 * account's day is its own.
 */
async function recipientsOf(tx: StaffContext, productId: string): Promise<string[]> {
  const zones = await execute<{ time_zone: string }>(tx, 'select distinct time_zone from accounts');
  const found = new Set<string>();
  for (const { time_zone } of zones) {
    const today = isoOfDay(localDay(tx.config.now(), time_zone));
    const rows = await execute<Recipient>(
      tx,
      `select distinct m.user_id from memberships m join accounts a on a.id = m.account_id
       where a.time_zone = ? and a.status = 'ACTIVE' and m.status = 'ACTIVE'
         and not exists (select 1 from notification_preferences np where np.user_id = m.user_id and np.category = ? and np.channel = ?)
         and exists (select 1 from subscriptions s join subscription_products sp on sp.account_id = s.account_id and sp.subscription_id = s.id
           where s.account_id = m.account_id and sp.product_id = ? and s.licence_type <> 'CLOUD' and ${runningSql('s')}
             and exists (select 1 from seat_assignments sa where sa.account_id = s.account_id and sa.subscription_id = s.id and sa.user_id = m.user_id))`,
      [time_zone, NotificationCategory.PRODUCT_UPDATES, NotificationChannel.NONE, productId, today],
    );
    for (const row of rows) found.add(row.user_id);
  }
  return [...found];
}

/**
 * Publishes one mail per person to tell, in the transaction that published the version, each
 * claimed once per (version, person) in `notifications_sent`; returns how many.
 */
export async function publishVersionReleased(tx: StaffContext, version: ProductVersion): Promise<number> {
  const recipients = await recipientsOf(tx, version.product.id);
  let told = 0;
  for (const userId of recipients) {
    if (!(await claimNotification(tx.em, { kind: 'product-update', subject: version.id, userId }))) continue;
    publish(tx, 'catalogue.version-released', { userId, productName: version.product.name, version: version.version, releasedOn: version.releasedAt });
    told += 1;
  }
  return told;
}

/** The catalogue's mail, registered at start-up (`app.ts`); the preference is read again when it is sent. */
export function subscribeCatalogueMail(events: EventBus, mail: Mailer, config: Config): void {
  events.subscribe('catalogue.version-released', 'mail', async (release, { em }) => {
    const [person] = await em.getConnection().execute<{ email: string; first_name: string; language: Language }[]>(
      `select u.email, u.first_name, u.language from users u
       where u.id = ? and not exists (select 1 from notification_preferences np where np.user_id = u.id and np.category = ? and np.channel = ?)`,
      [release.userId, NotificationCategory.PRODUCT_UPDATES, NotificationChannel.NONE],
    );
    if (!person) return;
    const unsubscribe = unsubscribeOf(config, { userId: release.userId, category: NotificationCategory.PRODUCT_UPDATES });
    await mail.send(releaseMail, {
      to: person.email,
      language: person.language,
      data: {
        firstName: person.first_name,
        productName: release.productName,
        version: release.version,
        releasedOn: release.releasedOn,
        link: `${config.publicUrl}/products`,
        unsubscribe: unsubscribe.link,
      },
      headers: unsubscribe.headers,
    });
  });
}

