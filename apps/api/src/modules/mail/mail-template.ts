import { Language } from '@seatwise/schema';

export interface RenderedMail {
  subject: string;
  /** Plain text; the HTML part is made from it, so both always say the same. */
  text: string;
}

/** A message in every language Seatwise speaks; `D` is what the sender must supply. */
export type MailTemplate<D> = Record<Language, (data: D) => RenderedMail>;

/** Declares a template; the type checker then holds every sender to its data. */
export const defineMail = <D>(template: MailTemplate<D>): MailTemplate<D> => template;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/**
 * Paragraphs for blank-line breaks, and links for bare URLs (those in mails are ours); a full stop
 * or comma that ends the sentence is not part of the link.
 */
export function textToHtml(text: string): string {
  const paragraphs = text.split(/\n{2,}/).map((paragraph) => {
    const html = escapeHtml(paragraph)
      .replace(/https?:\/\/[^\s<]*[^\s<.,;:!?)]/g, (url) => `<a href="${url}">${url}</a>`)
      .replace(/\n/g, '<br>');
    return `<p>${html}</p>`;
  });
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5">${paragraphs.join('')}</body></html>`;
}

export function renderMail<D>(template: MailTemplate<D>, language: Language, data: D): RenderedMail {
  return (template[language] ?? template[Language.EN])(data);
}
