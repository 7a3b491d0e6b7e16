import express, { type ErrorRequestHandler, type RequestHandler, type Response } from 'express';
import type { GraphqlConfig } from '../config.js';
import { LimitCode } from './limits.js';

function refuse(res: Response, status: number, code: string, limit: number, message: string) {
  res.status(status).json({ errors: [{ message, extensions: { code, limit } }] });
}

/**
 * What runs before Apollo on /graphql: the JSON body parser with its size limit, and the batch
 * limit. Both answer like GraphQL does, with an error carrying a code and the limit.
 */
export function graphqlRequestGuards(limits: GraphqlConfig): (RequestHandler | ErrorRequestHandler)[] {
  const parseJson = express.json({ limit: limits.maxBodyBytes });
  const bodyTooLarge: ErrorRequestHandler = (error: { type?: string }, _req, res, next) => {
    if (error.type !== 'entity.too.large') return next(error);
    refuse(res, 413, LimitCode.BODY, limits.maxBodyBytes, `The request body is larger than the limit of ${limits.maxBodyBytes} bytes.`);
  };
  const batchLimit: RequestHandler = (req, res, next) => {
    const body: unknown = req.body;
    if (Array.isArray(body) && body.length > limits.maxBatch) {
      refuse(res, 400, LimitCode.BATCH, limits.maxBatch, `A batch can hold at most ${limits.maxBatch} operations; this one has ${body.length}.`);
      return;
    }
    next();
  };
  return [parseJson, bodyTooLarge, batchLimit];
}
