import type { Response } from 'express';
import type { Language } from '@seatwise/schema';

/** The small pages mail links open without a sign-in (one-click unsubscribe, "Keep my seat"): no script, no referrer, not cached. */
export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

export function landingPage(res: Response, status: number, language: Language, title: string, body: string): void {
  res.status(status);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
  res.setHeader('Referrer-Policy', 'no-referrer');
  res
    .type('html')
    .send(
      `<!doctype html><html lang="${language.toLowerCase()}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>` +
        `<style>body{font-family:system-ui,sans-serif;line-height:1.5;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#212529}button{font:inherit;padding:.5rem 1rem;border-radius:4px;border:0;background:#1c7ed6;color:#fff;cursor:pointer}label{display:block;margin:1rem 0 .25rem}textarea{display:block;width:100%;box-sizing:border-box;font:inherit;margin-bottom:1rem}</style>` +
        `</head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`,
    );
}
