import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../logger.js';

/** An id a proxy in front may have given the request; anything else is replaced by a fresh one. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{8,100}$/;

/**
 * The request's URL as logged: the token of a signed download link (`/api/downloads/<token>/…`) and
 * the values of query parameters that carry secrets (reset and invitation links, codes) are
 * replaced, so a log never holds something that signs someone in or opens a file.
 */
export function loggedUrl(url: string): string {
  const [path = '', query] = url.split('?', 2) as [string, string | undefined];
  const safePath = path.replace(/^(\/api\/downloads\/)(?!archive(?:\/|$))[^/]+/, '$1[redacted]');
  if (query === undefined) return safePath;
  const params = query
    .split('&')
    .map((pair) => {
      const name = pair.split('=', 1)[0] ?? '';
      return /token|code|secret|password|sig|key/i.test(decodeURIComponent(name)) ? `${name}=[redacted]` : pair;
    })
    .join('&');
  return `${safePath}?${params}`;
}

/**
 * pino-http with a request id on every line (the caller's `X-Request-Id` when it is a plain id,
 * else a new UUID, echoed in the response) and the signed-in account once it is known
 * (`noteAccount`). Requests are logged by method, URL (`loggedUrl`) and status only: no headers,
 * so cookies, bearer tokens and `Set-Cookie` never reach the log. Successful requests log at debug
 * level: the console shows problems, not traffic.
 */
export function requestLogging(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'debug'),
    customProps: (_req, res) => {
      const accountId = (res as Response).locals?.accountId as string | undefined;
      return accountId ? { accountId } : {};
    },
    serializers: {
      req: (req: { id: unknown; method: string; url: string; raw?: Request }) => ({
        id: req.id,
        method: req.method,
        url: loggedUrl(req.raw?.originalUrl ?? req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
}

/** Adds the viewer's account to the request's log lines from here on and to its closing line. */
export function noteAccount(req: Request, res: Response, accountId: string | undefined): void {
  if (!accountId) return;
  res.locals.accountId = accountId;
  req.log = req.log.child({ accountId });
}
