import nodemailer, { type Transporter } from 'nodemailer';
import type { Language } from '@seatwise/schema';
import type { MailConfig } from '../../config.js';
import type { Logger } from '../../logger.js';
import { renderMail, textToHtml, type MailTemplate } from './mail-template.js';
import { type Outbox } from './outbox.js';

export interface MailEnvelope<D> {
  to: string;
  /** The recipient's language: every message is written in it. */
  language: Language;
  data: D;
}

/** Sends mail: over SMTP when `SMTP_URL` is set, else into the outbox folder. */
export interface Mailer {
  send<D>(template: MailTemplate<D>, envelope: MailEnvelope<D>): Promise<void>;
  close(): void;
}

export function createMailer(config: MailConfig, outbox: Outbox, logger: Logger): Mailer {
  // Both ways build the message with nodemailer, so the outbox holds exactly what SMTP would carry.
  const transport: Transporter = config.smtpUrl
    ? nodemailer.createTransport(config.smtpUrl)
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  return {
    async send(template, { to, language, data }) {
      const { subject, text } = renderMail(template, language, data);
      const info = await transport.sendMail({ from: config.from, to, subject, text, html: textToHtml(text, language) });
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
