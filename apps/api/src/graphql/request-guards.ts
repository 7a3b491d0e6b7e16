import express, { type ErrorRequestHandler, type RequestHandler, type Response } from 'express';
import type { GraphqlConfig } from '../config.js';
import { bodyFault, bodyFaults } from '../http/http-errors.js';
import { type Message, msg, say } from '../i18n/messages.js';
import { LimitCode } from './limits.js';

function refuse(res: Response, status: number, code: string, limit: number, message: Message) {
  res.status(status).json({ errors: [{ message: say(message), extensions: { code, limit } }] });
}

/**
 * What runs before Apollo on /graphql: the JSON body parser with its size limit, and the batch
 * limit. Both answer like GraphQL does, with an error carrying a code (and the limit); a body that
 * is not JSON gets BAD_REQUEST, in every mode, instead of express's HTML error page.
 */
export function graphqlRequestGuards(limits: GraphqlConfig): (RequestHandler | ErrorRequestHandler)[] {
  const parseJson = express.json({ limit: limits.maxBodyBytes });
  const bodyRefused: ErrorRequestHandler = (error, _req, res, next) => {
    const fault = bodyFault(error);
    if (!fault) return next(error);
    if (fault === 'tooLarge') {
      refuse(res, 413, LimitCode.BODY, limits.maxBodyBytes, msg('The request body is larger than the limit of {limit} bytes.', { limit: limits.maxBodyBytes }));
      return;
    }
    const { status, message } = bodyFaults[fault];
    res.status(status).json({ errors: [{ message: say(message), extensions: { code: fault === 'unsupported' ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST' } }] });
  };
  const batchLimit: RequestHandler = (req, res, next) => {
    const body: unknown = req.body;
    if (Array.isArray(body) && body.length > limits.maxBatch) {
      refuse(res, 400, LimitCode.BATCH, limits.maxBatch, msg('A batch can hold at most {limit} operations; this one has {count}.', { limit: limits.maxBatch, count: body.length }));
      return;
    }
    next();
  };
  return [parseJson, bodyRefused, batchLimit];
}
