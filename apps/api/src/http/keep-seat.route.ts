import express, { Router, type Response } from 'express';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { type Language, ReclaimNoticeState } from '@seatwise/schema';
import type { Config } from '../config.js';
import { currentLanguage, day, msg, render } from '../i18n/messages.js';
import { KEEP_REASON_MAX, keepSeat, type KeepSeatNotice, noticeOfKeepLink } from '../modules/reclaim/keep-seat.service.js';
import { escapeHtml, landingPage } from './landing-page.js';

/** Where a reclaim notice's "Keep my seat" link points (`reclaim-mails.ts`). */
export const KEEP_SEAT_PATH = '/api/keep-seat/:token';

/**
 * `/api/keep-seat/<token>`, "Keep my seat" of a reclaim notice, no sign-in (the signed link is the
 * proof): a GET shows the seat and asks why it is still needed (link checkers and previews open
 * links, so nothing changes); the POST records the reason and keeps the seat, once. Written in the
 * holder's language.
 */
export function keepSeatRoute(orm: MikroORM, config: Config): Router {
  const router = Router();
  const title = msg('Keep my seat');
  const invalid = (res: Response) => {
    const language = currentLanguage();
    landingPage(res, 400, language, render(title, language), `<p>${escapeHtml(render(msg('This link to keep a seat is not valid.'), language))}</p>`);
  };
  const say = (res: Response, status: number, notice: KeepSeatNotice, text: ReturnType<typeof msg>, form = '') =>
    landingPage(res, status, notice.language, render(title, notice.language), `<p>${escapeHtml(render(text, notice.language))}</p>${form}`);
  const form = (language: Language, error?: ReturnType<typeof msg>) =>
    `<form method="post">${error ? `<p role="alert">${escapeHtml(render(error, language))}</p>` : ''}<label for="reason">${escapeHtml(render(msg('Why do you still need it?'), language))}</label>` +
    `<textarea id="reason" name="reason" rows="3" maxlength="${KEEP_REASON_MAX}" required></textarea><button type="submit">${escapeHtml(render(title, language))}</button></form>`;
  const ended = (res: Response, notice: KeepSeatNotice) =>
    say(res, 409, notice, notice.state === ReclaimNoticeState.KEPT ? msg('You kept this seat already. Nothing more to do.') : msg('This notice has ended: the seat was used, reclaimed or the policy was switched off.'));

  router.get(KEEP_SEAT_PATH, async (req, res, next) => {
    try {
      const notice = await noticeOfKeepLink(orm.em.fork() as EntityManager, config, req.params.token);
      if (!notice) return invalid(res);
      if (notice.state !== ReclaimNoticeState.PENDING) return ended(res, notice);
      const until = day(notice.reclaimOn);
      say(res, 200, notice, msg('Your seat of {subscription} ({email}) will be unassigned on {date} unless you keep it.', { subscription: notice.subscription, email: notice.email, date: until }), form(notice.language));
    } catch (error) {
      next(error);
    }
  });

  router.post(KEEP_SEAT_PATH, express.urlencoded({ extended: false, limit: '8kb' }), async (req, res, next) => {
    try {
      const em = orm.em.fork() as EntityManager;
      const notice = await noticeOfKeepLink(em, config, req.params.token);
      if (!notice) return invalid(res);
      const reason = typeof req.body?.reason === 'string' ? (req.body.reason as string).trim() : '';
      if (notice.state !== ReclaimNoticeState.PENDING) return ended(res, notice);
      if (!reason || reason.length > KEEP_REASON_MAX) {
        return say(res, 400, notice, msg('Your seat of {subscription} ({email}) will be unassigned on {date} unless you keep it.', { subscription: notice.subscription, email: notice.email, date: day(notice.reclaimOn) }), form(notice.language, msg('Tell us in 1 to {max} characters why you still need the seat.', { max: KEEP_REASON_MAX })));
      }
      const done = await keepSeat(em, notice.noticeId, reason, config.now());
      if (!done.kept) return ended(res, { ...notice, state: done.state });
      say(res, 200, notice, msg('Thank you: your seat of {subscription} is kept. If it goes unused again, you will get another notice first.', { subscription: notice.subscription }));
    } catch (error) {
      next(error);
    }
  });
  return router;
}
