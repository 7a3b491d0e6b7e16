import type { ErrorRequestHandler, Response } from 'express';
import { AppError } from '../errors.js';
import { msg, say } from '../i18n/messages.js';
import type { Logger } from '../logger.js';

const statusOf: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  INSUFFICIENT_SCOPE: 403,
  NOT_FOUND: 404,
};

/** REST routes answer errors as `{ error: { code, message, field } }`, with the typed error's code, in the request's language. */
export function sendError(res: Response, error: AppError) {
  res.status(statusOf[error.code] ?? 400).json({
    error: { code: error.code, message: error.localized(), ...(error.field ? { field: error.field } : {}) },
  });
}

/** The last handler of the REST routes: typed errors, body-parser errors, and anything unexpected. */
export function restErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    if (error instanceof AppError) return sendError(res, error);
    const type = (error as { type?: string }).type;
    if (type === 'entity.too.large') {
      return res.status(413).json({ error: { code: 'PAYLOAD_TOO_LARGE', message: say(msg('The request body is too large.')), field: 'body' } });
    }
    if (type === 'entity.parse.failed') {
      return res.status(400).json({ error: { code: 'BAD_USER_INPUT', message: say(msg('The request body is not valid JSON.')), field: 'body' } });
    }
    logger.error({ err: error }, 'unexpected error in a REST route');
    res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: say(msg('Something went wrong on the server. It has been logged.')) } });
  };
}
