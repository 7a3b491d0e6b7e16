import type { ErrorRequestHandler, Response } from 'express';
import { AppError, InvalidInputsError } from '../errors.js';
import { type Message, msg, say } from '../i18n/messages.js';
import type { Logger } from '../logger.js';

const statusOf: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  INSUFFICIENT_SCOPE: 403,
  NOT_FOUND: 404,
  VENDOR_STAFF_ONLY: 403,
  FILE_TOO_LARGE: 413,
  UPLOAD_OFFSET_MISMATCH: 409,
  UPLOAD_BUSY: 409,
  UNSUPPORTED_MEDIA_TYPE: 415,
};

/** REST routes answer errors as `{ error: { code, message, field } }`, with the typed error's code, in the request's language. */
export function sendError(res: Response, error: AppError) {
  res.status(statusOf[error.code] ?? 400).json({
    error: {
      code: error.code,
      message: error.localized(),
      ...(error.field ? { field: error.field } : {}),
      ...(error instanceof InvalidInputsError ? { errors: error.localizedErrors() } : {}),
    },
  });
}

/** Why express's body parsers refused a body: their errors carry a `type` and a 4xx `status`. */
export type BodyFault = 'malformed' | 'tooLarge' | 'unsupported' | 'unreadable';

/** What the client is told for each fault, in JSON on every route: never the parser's HTML page, which outside production shows a stack. */
export const bodyFaults: Record<BodyFault, { status: number; message: Message }> = {
  malformed: { status: 400, message: msg('The request body is not valid JSON.') },
  tooLarge: { status: 413, message: msg('The request body is too large.') },
  unsupported: { status: 415, message: msg('The request body is in a character set or encoding the server cannot read: send JSON in UTF-8.') },
  unreadable: { status: 400, message: msg('The request body could not be read.') },
};

/** The fault of a body-parser error; null for any other error. */
export function bodyFault(error: unknown): BodyFault | null {
  const { type, status } = (error ?? {}) as { type?: unknown; status?: unknown };
  if (typeof type !== 'string' || typeof status !== 'number' || status < 400 || status >= 500) return null;
  if (type === 'entity.parse.failed') return 'malformed';
  if (type === 'entity.too.large') return 'tooLarge';
  return status === 415 ? 'unsupported' : 'unreadable';
}

/** The REST routes' codes: invalid JSON stays BAD_USER_INPUT on `body`, as they answered it before /graphql had body codes. */
const restBodyCodes: Record<BodyFault, string> = {
  malformed: 'BAD_USER_INPUT',
  tooLarge: 'PAYLOAD_TOO_LARGE',
  unsupported: 'UNSUPPORTED_MEDIA_TYPE',
  unreadable: 'BAD_REQUEST',
};

/**
 * The last handler of the REST routes and of the whole app: typed errors, body-parser errors,
 * express's own refusals and anything unexpected, all in JSON, never express's HTML page (which
 * outside production shows a stack).
 */
export function restErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    if (error instanceof AppError) return sendError(res, error);
    const fault = bodyFault(error);
    if (fault) {
      const { status, message } = bodyFaults[fault];
      return res.status(status).json({ error: { code: restBodyCodes[fault], message: say(message), field: 'body' } });
    }
    // A 4xx raised by express itself, e.g. a path whose percent-encoding cannot be decoded.
    const { status } = (error ?? {}) as { status?: unknown };
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return res.status(status).json({ error: { code: 'BAD_REQUEST', message: say(msg('The request could not be read: check its address.')) } });
    }
    logger.error({ err: error }, 'unexpected error in a REST route');
    res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: say(msg('Something went wrong on the server. It has been logged.')) } });
  };
}

