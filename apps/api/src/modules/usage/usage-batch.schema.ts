import { z } from 'zod';
import { type Message, msg } from '../../i18n/messages.js';

export const MAX_BATCH = 10_000;

/**
 * Seatwise's own sentences about a bad batch, by key: zod carries the key as the issue's message
 * and `parseBatch` turns it into the sentence about the field (`events[3].minutes must not be
 * negative`), in the request's language. Zod's own messages (an event that is not an object) stay
 * as zod writes them.
 */
export const batchProblems = {
  body: () => msg('The body must be a JSON object with an "events" list.'),
  eventsList: (field: string) => msg('{field} must be a list of events', { field }),
  eventsEmpty: (field: string) => msg('{field} must hold at least one event', { field }),
  eventsTooMany: (field: string) => msg('{field} can hold at most {max} events per request', { field, max: MAX_BATCH }),
  idRequired: (field: string) => msg("{field} is required: the sender's unique event id", { field }),
  typeUnknown: (field: string) => msg('{field} must be PRODUCT_SESSION or CLOUD_CREDITS', { field }),
  dateTime: (field: string) => msg('{field} must be an ISO 8601 date and time with a zone, e.g. 2026-11-20T09:15:00+01:00', { field }),
  userRequired: (field: string) => msg('{field} is required: the email address of the person', { field }),
  email: (field: string) => msg('{field} must be an email address', { field }),
  productRequired: (field: string) => msg('{field} is required: the product code, e.g. DRF', { field }),
  minutesNumber: (field: string) => msg('{field} must be a number of minutes', { field }),
  minutesWhole: (field: string) => msg('{field} must be whole minutes', { field }),
  minutesMax: (field: string) => msg('{field} can be at most 1440 (a day)', { field }),
  minutesRequired: (field: string) => msg('{field} is required for a PRODUCT_SESSION', { field }),
  creditsNumber: (field: string) => msg('{field} must be a number of credits', { field }),
  creditsWhole: (field: string) => msg('{field} must be whole credits', { field }),
  creditsMin: (field: string) => msg('{field} must be at least 1', { field }),
  creditsMax: (field: string) => msg('{field} can be at most {max}', { field, max: 1_000_000 }),
  creditsRequired: (field: string) => msg('{field} is required for CLOUD_CREDITS', { field }),
  text: (field: string) => msg('{field} must be text', { field }),
  serialNumber: (field: string) => msg('{field} must be a serial number', { field }),
  empty: (field: string) => msg('{field} must not be empty', { field }),
  negative: (field: string) => msg('{field} must not be negative', { field }),
  max100Characters: (field: string) => msg('{field} can be at most 100 characters', { field }),
  tooLong: (field: string) => msg('{field} is too long', { field }),
  nul: (field: string) => msg('{field} must not contain a NUL byte', { field }),
} satisfies Record<string, (field: string) => Message>;

export type BatchProblem = keyof typeof batchProblems;

/** The key zod carries for one of Seatwise's sentences. */
const problem = (key: BatchProblem): string => key;

export const isBatchProblem = (key: string): key is BatchProblem => Object.hasOwn(batchProblems, key);

/** Text of an event: a NUL byte is refused here, before it can reach a statement (PostgreSQL text cannot hold one). */
const text = (error: BatchProblem) => z.string({ error: problem(error) }).regex(/^[^\0]*$/, problem('nul'));

/** One event as products and cloud services send it (F-34). */
const event = z
  .object({
    id: text('idRequired').trim().min(1, problem('empty')).max(100, problem('max100Characters')),
    type: z.enum(['PRODUCT_SESSION', 'CLOUD_CREDITS'], { error: problem('typeUnknown') }),
    occurredAt: z.iso.datetime({ offset: true, error: problem('dateTime') }),
    user: text('userRequired').trim().min(3, problem('email')).max(254, problem('tooLong')),
    product: text('productRequired').trim().min(1, problem('empty')).max(20, problem('tooLong')),
    minutes: z.number({ error: problem('minutesNumber') }).int(problem('minutesWhole')).min(0, problem('negative')).max(1440, problem('minutesMax')).optional(),
    credits: z.number({ error: problem('creditsNumber') }).int(problem('creditsWhole')).min(1, problem('creditsMin')).max(1_000_000, problem('creditsMax')).optional(),
    service: text('text').trim().min(1, problem('empty')).max(100, problem('max100Characters')).optional(),
    subscription: text('serialNumber').trim().min(1, problem('empty')).max(40, problem('tooLong')).optional(),
  })
  .superRefine((value, context) => {
    if (value.type === 'PRODUCT_SESSION' && value.minutes === undefined) {
      context.addIssue({ code: 'custom', path: ['minutes'], message: problem('minutesRequired') });
    }
    if (value.type === 'CLOUD_CREDITS' && value.credits === undefined) {
      context.addIssue({ code: 'custom', path: ['credits'], message: problem('creditsRequired') });
    }
  });

export type UsageEventInput = z.infer<typeof event>;

export const usageBatch = z.object(
  {
    events: z
      .array(event, { error: problem('eventsList') })
      .min(1, problem('eventsEmpty'))
      .max(MAX_BATCH, problem('eventsTooMany')),
  },
  { error: problem('body') },
);
