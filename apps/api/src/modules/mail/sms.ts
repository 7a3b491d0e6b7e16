import type { Logger } from '../../logger.js';
import type { Outbox } from './outbox.js';

/**
 * Sends a text message. A real provider (an HTTP API such as Twilio's) implements this; with none
 * configured, messages land in the outbox so 2-step verification by SMS works offline.
 */
export interface SmsSender {
  send(to: string, text: string): Promise<void>;
}

export function createOutboxSmsSender(outbox: Outbox, logger: Logger): SmsSender {
  return {
    async send(to, text) {
      const stored = await outbox.write({ channel: 'SMS', to, subject: null, text });
      logger.info({ to, outbox: stored.id }, 'text message kept in the outbox (no SMS provider)');
    },
  };
}
