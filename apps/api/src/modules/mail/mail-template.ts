import type { Language } from '@seatwise/schema';
import { type Message, msg, render } from '../../i18n/messages.js';
import { defaultBrandColor } from '@seatwise/schema/client';
import type { MailBrand } from './mail-brand.js';

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
/** Words a person wrote (a support reply), quoted as they are in every language. */
export const verbatim = (text: string): Link => ({ link: text });

/** What a mail says, from the data its sender supplies (`D`). */
export type MailTemplate<D> = (data: D) => MailContent;

/** Declares a template; the type checker then holds every sender to its data. */
export const defineMail = <D>(template: MailTemplate<D>): MailTemplate<D> => template;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/** The footer under every mail: support, legal links, then "Powered by Seatwise" (the only place Seatwise is named once a brand is set). */
function footerLines(brand: MailBrand, language: Language): string[] {
  const lines: string[] = [];
  const contact = [brand.supportEmail, brand.supportUrl].filter(Boolean).join(' · ');
  if (contact) lines.push(render(msg('Support: {contact}', { contact }), language));
  if (brand.termsUrl) lines.push(render(msg('Terms of use: {link}', { link: brand.termsUrl }), language));
  if (brand.privacyUrl) lines.push(render(msg('Privacy policy: {link}', { link: brand.privacyUrl }), language));
  lines.push(render(msg('Powered by Seatwise'), language));
  return lines;
}

/** A text paragraph as HTML: blank-line breaks, bare URLs as links (a closing full stop or comma is not part of one). */
function paragraphHtml(paragraph: string): string {
  return escapeHtml(paragraph)
    .replace(/https?:\/\/[^\s<]*[^\s<.,;:!?)]/g, (url) => `<a href="${url}">${url}</a>`)
    .replace(/\n/g, '<br>');
}

const safeColour = (colour: string | null) => (colour && /^#[0-9a-f]{6}$/i.test(colour) ? colour : defaultBrandColor);

/**
 * The HTML part, made from the text: a header with the brand's name (and logo) in its colour, the
 * paragraphs, and the footer in small grey type.
 */
export function textToHtml(text: string, language: Language, brand: MailBrand): string {
  // The footer is after the last rule: a quoted reply may hold one too.
  const at = text.lastIndexOf(FOOTER_RULE);
  const [body, footer] = at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + FOOTER_RULE.length)];
  const paragraphs = body.trim().split(/\n{2,}/).map((paragraph) => `<p>${paragraphHtml(paragraph)}</p>`);
  const colour = safeColour(brand.primaryColor);
  const logo = brand.logoUrl ? `<img src="${escapeHtml(brand.logoUrl)}" alt="" height="32" style="height:32px;vertical-align:middle;margin-right:8px">` : '';
  const header = `<div style="border-bottom:3px solid ${brand.accentColor ? safeColour(brand.accentColor) : colour};padding:12px 0;margin-bottom:16px">${logo}<strong style="font-size:18px;color:${colour};vertical-align:middle">${escapeHtml(brand.name)}</strong></div>`;
  const foot = `<div style="border-top:1px solid #dee2e6;margin-top:24px;padding-top:12px;font-size:12px;color:#868e96">${paragraphHtml(footer.trim())}</div>`;
  return `<!doctype html><html lang="${language.toLowerCase()}"><body style="font-family:system-ui,sans-serif;line-height:1.5">${header}${paragraphs.join('')}${foot}</body></html>`;
}

/** Separates a mail's text from its footer (the usual signature separator). */
const FOOTER_RULE = '\n\n-- \n';

/** A mail in the recipient's language, `{brand}` in any sentence being the brand's name, and the brand's footer. */
export function renderMail<D>(template: MailTemplate<D>, language: Language, data: D, brand: MailBrand): RenderedMail {
  const { subject, paragraphs } = template(data);
  const say = (message: Message) => render({ text: message.text, values: { brand: brand.name, ...message.values } }, language);
  const line = (part: Message | Link) => ('link' in part ? part.link : say(part));
  const text = paragraphs.map((part) => (Array.isArray(part) ? part.map(line).join('\n') : line(part))).join('\n\n');
  return { subject: say(subject), text: `${text}${FOOTER_RULE}${footerLines(brand, language).join('\n')}` };
}
