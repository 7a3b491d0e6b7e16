import { Router, type Response } from 'express';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { type Language, NotificationCategory } from '@seatwise/schema';
import type { Config } from '../config.js';
import { currentLanguage, type Message, msg, render } from '../i18n/messages.js';
import { User } from '../modules/identity/user.entity.js';
import { turnCategoryOff } from '../modules/notifications/notifications.service.js';
import { checkUnsubscribe } from '../modules/notifications/unsubscribe-link.js';
import { escapeHtml, landingPage as page } from './landing-page.js';

/** Where a mail's one-click unsubscribe link points (`unsubscribe-link.ts`). */
export const UNSUBSCRIBE_PATH = '/api/unsubscribe/:token';

const categoryNames: Record<string, Message> = {
  [NotificationCategory.PRODUCT_UPDATES]: msg('Product updates'),
  [NotificationCategory.SUBSCRIPTION_RENEWALS]: msg('Subscription renewals'),
  [NotificationCategory.USAGE_ALERTS]: msg('Usage alerts'),
};

/**
 * `/api/unsubscribe/<token>`, the one-click unsubscribe of RFC 8058: a POST (what a mail client
 * sends for `List-Unsubscribe-Post: List-Unsubscribe=One-Click`, or the button of the page) turns
 * the link's category off for its person, with no sign-in; a GET only shows the page asking to
 * confirm, as link checkers and previews open links. Written in the person's language.
 */
export function unsubscribeRoute(orm: MikroORM, config: Config): Router {
  const router = Router();
  const load = async (token: string) => {
    const grant = checkUnsubscribe(config, token);
    if (!grant) return null;
    const user = await orm.em.fork().findOne(User, { id: grant.userId });
    return user ? { grant, user } : null;
  };
  const invalid = (res: Response) => {
    const language = currentLanguage();
    page(res, 400, language, render(msg('Unsubscribe'), language), `<p>${escapeHtml(render(msg('This unsubscribe link is not valid.'), language))}</p>`);
  };

  router.get(UNSUBSCRIBE_PATH, async (req, res, next) => {
    try {
      const found = await load(req.params.token);
      if (!found) return invalid(res);
      const language = found.user.language as Language;
      const category = render(categoryNames[found.grant.category]!, language);
      const question = render(msg('Stop emails about “{category}” to {email}?', { category, email: found.user.email }), language);
      page(
        res,
        200,
        language,
        render(msg('Unsubscribe'), language),
        `<p>${escapeHtml(question)}</p><form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${escapeHtml(render(msg('Unsubscribe'), language))}</button></form>`,
      );
    } catch (error) {
      next(error);
    }
  });

  router.post(UNSUBSCRIBE_PATH, async (req, res, next) => {
    try {
      const found = await load(req.params.token);
      if (!found) return invalid(res);
      await turnCategoryOff(orm.em.fork() as EntityManager, found.user.id, found.grant.category);
      const language = found.user.language as Language;
      const category = render(categoryNames[found.grant.category]!, language);
      page(
        res,
        200,
        language,
        render(msg('Unsubscribed'), language),
        `<p>${escapeHtml(render(msg('Emails about “{category}” are now off for {email}. You can turn them on again in your settings.', { category, email: found.user.email }), language))}</p>`,
      );
    } catch (error) {
      next(error);
    }
  });
  return router;
}
