import type { Language } from '@seatwise/schema';
import { type Message, render } from '../../i18n/messages.js';
import type { Logger } from '../../logger.js';
import type { Outbox } from './outbox.js';

/**
 * Sends a text message, written from the catalogues in the recipient's language. A real provider
 * (an HTTP API such as Twilio's) implements this; with none configured, messages land in the outbox
 * so 2-step verification by SMS works offline.
 */
export interface SmsSender {
  send(to: string, language: Language, text: Message): Promise<void>;
}

export function createOutboxSmsSender(outbox: Outbox, logger: Logger): SmsSender {
  return {
    async send(to, language, text) {
      const stored = await outbox.write({ channel: 'SMS', to, subject: null, text: render(text, language) });
      logger.info({ to, outbox: stored.id }, 'text message kept in the outbox (no SMS provider)');
    },
  };
}
