import type { Language } from '@seatwise/schema';
import { type Message, render } from '../../i18n/messages.js';

export interface RenderedMail {
  subject: string;
  /** Plain text; the HTML part is made from it, so both always say the same. */
  text: string;
}

/**
 * A mail as catalogue messages: its subject and its paragraphs, each a `Message`, a link standing
 * alone, or lines kept together in one paragraph. It is written in the recipient's language when it is sent, so every
 * word of it is in `i18n/en` and `i18n/sl` like any other message.
 */
export interface MailContent {
  subject: Message;
  paragraphs: (Message | Link | Message[])[];
}

/** A URL on a paragraph of its own: the same in every language. */
export interface Link {
  readonly link: string;
}
export const link = (url: string): Link => ({ link: url });

/** What a mail says, from the data its sender supplies (`D`). */
export type MailTemplate<D> = (data: D) => MailContent;

/** Declares a template; the type checker then holds every sender to its data. */
export const defineMail = <D>(template: MailTemplate<D>): MailTemplate<D> => template;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/**
 * Paragraphs for blank-line breaks, and links for bare URLs (those in mails are ours); a full stop
 * or comma that ends the sentence is not part of the link.
 */
export function textToHtml(text: string, language: Language): string {
  const paragraphs = text.split(/\n{2,}/).map((paragraph) => {
    const html = escapeHtml(paragraph)
      .replace(/https?:\/\/[^\s<]*[^\s<.,;:!?)]/g, (url) => `<a href="${url}">${url}</a>`)
      .replace(/\n/g, '<br>');
    return `<p>${html}</p>`;
  });
  return `<!doctype html><html lang="${language.toLowerCase()}"><body style="font-family:system-ui,sans-serif;line-height:1.5">${paragraphs.join('')}</body></html>`;
}

export function renderMail<D>(template: MailTemplate<D>, language: Language, data: D): RenderedMail {
  const { subject, paragraphs } = template(data);
  const line = (part: Message | Link) => ('link' in part ? part.link : render(part, language));
  const text = paragraphs.map((part) => (Array.isArray(part) ? part.map(line).join('\n') : line(part))).join('\n\n');
  return { subject: render(subject, language), text };
}
