import { type Message, msg } from '../../../i18n/messages.js';

/** Text messages are short; the code comes first for phones that preview it. */
export const smsCodeText = (code: string, minutes: number, brand: string): Message =>
  msg('{code} is your {brand} code. It expires in {count} minutes. Do not share it.', { code, count: minutes, brand });
