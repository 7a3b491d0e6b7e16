import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/** HSTS for a year once a request came over TLS (directly, or `X-Forwarded-Proto: https` from a trusted proxy). */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * helmet's headers with Seatwise's Content-Security-Policy. Scripts, styles, images, fonts and
 * requests come from this origin only; the SPA and the playground (GraphiQL, bundled into the SPA)
 * load nothing from elsewhere. Mantine writes its theme into `<style>` elements at run time: those
 * carry the request's nonce (`res.locals.cspNonce`, handed to the SPA by `withCspNonce`), so
 * `style-src` needs no 'unsafe-inline'. Style attributes set by scripts go through the CSSOM, which
 * CSP does not govern. No page may be framed (frame-ancestors 'none'). HSTS and
 * upgrade-insecure-requests only for a request that came over TLS: `req.secure` believes
 * `X-Forwarded-Proto` only from the proxies `TRUST_PROXY` names.
 */
export function securityHeaders() {
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce as string}'`],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
  return (req: Request, res: Response, next: NextFunction) => {
    res.locals.cspNonce = randomBytes(16).toString('base64');
    if (req.secure) res.setHeader('Strict-Transport-Security', HSTS);
    headers(req, res, next);
  };
}

/** The SPA's index.html with this response's style nonce, where the SPA reads it (`<meta property="csp-nonce">`, Vite's convention). */
export function withCspNonce(html: string, res: Response): string {
  return html.replace('<head>', `<head>\n    <meta property="csp-nonce" nonce="${res.locals.cspNonce as string}" />`);
}
