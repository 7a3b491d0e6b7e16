import nodemailer, { type Transporter } from 'nodemailer';
import type { Language } from '@seatwise/schema';
import type { MailConfig } from '../../config.js';
import type { Logger } from '../../logger.js';
import { renderMail, textToHtml, type MailTemplate } from './mail-template.js';
import { defaultMailBrand, type MailBrand } from './mail-brand.js';
import { type Outbox } from './outbox.js';

export interface MailEnvelope<D> {
  to: string;
  /** The recipient's language: every message is written in it. */
  language: Language;
  data: D;
  /** Extra header fields, e.g. RFC 8058's `List-Unsubscribe` and `List-Unsubscribe-Post`. */
  headers?: Record<string, string>;
}

/** Sends mail: over SMTP when `SMTP_URL` is set, else into the outbox folder. */
export interface Mailer {
  send<D>(template: MailTemplate<D>, envelope: MailEnvelope<D>): Promise<void>;
  close(): void;
}

/** Reads the brand each mail is dressed in, when it is sent (a change shows in the next mail). */
export type MailBrandSource = () => Promise<MailBrand>;

/** The address part of MAIL_FROM ("Name <address>" or a bare address): the display name is the brand's. */
const addressOf = (from: string) => /<([^>]+)>/.exec(from)?.[1] ?? from.trim();

export function createMailer(config: MailConfig, outbox: Outbox, logger: Logger, brandOf: MailBrandSource = () => Promise.resolve(defaultMailBrand)): Mailer {
  // Both ways build the message with nodemailer, so the outbox holds exactly what SMTP would carry.
  const transport: Transporter = config.smtpUrl
    ? nodemailer.createTransport(config.smtpUrl)
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  return {
    async send(template, { to, language, data, headers }) {
      const brand = await brandOf();
      const { subject, text } = renderMail(template, language, data, brand);
      // MAIL_FROM's own name stands until the vendor names its brand.
      const from = brand.name === defaultMailBrand.name ? config.from : { name: brand.name, address: addressOf(config.from) };
      const info = await transport.sendMail({ from, to, subject, text, html: textToHtml(text, language, brand), ...(headers ? { headers } : {}) });
      if (!config.smtpUrl) {
        const stored = await outbox.write({ channel: 'EMAIL', to, subject, text }, info.message as Buffer);
        logger.info({ to, subject, outbox: stored.id }, 'mail kept in the outbox (no SMTP_URL)');
      } else {
        logger.debug({ to, subject, messageId: info.messageId }, 'mail sent');
      }
    },
    close() {
      transport.close();
    },
  };
}
