import { Language } from '@seatwise/schema';

/** Text messages are short and in the person's language; the code comes first for phones that preview it. */
export function smsCodeText(language: Language, code: string, minutes: number): string {
  return language === Language.SL
    ? `${code} je vaša koda Seatwise. Velja ${minutes} minut. Nikomur je ne povejte.`
    : `${code} is your Seatwise code. It expires in ${minutes} minutes. Do not share it.`;
}
