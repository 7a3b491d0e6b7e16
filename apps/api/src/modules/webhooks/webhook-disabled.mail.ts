import { msg } from '../../i18n/messages.js';
import { defineMail, link } from '../mail/mail-template.js';

export interface WebhookDisabledMailData {
  firstName: string;
  url: string;
  link: string;
}

/** The owner of an endpoint Seatwise turned off: every attempt for more than a day failed. */
export const webhookDisabledMail = defineMail<WebhookDisabledMailData>(({ firstName, url, link: page }) => ({
  subject: msg('{brand} turned off a webhook endpoint that kept failing'),
  paragraphs: [
    msg('Hello {name},', { name: firstName }),
    msg('Every attempt to deliver events to {url} failed for more than a day, so {brand} stopped sending events to it.', { url }),
    msg('Check the delivery log, fix the endpoint, then turn it on again:'),
    link(page),
  ],
}));
