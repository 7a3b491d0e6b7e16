import { z } from 'zod';

export const MAX_BATCH = 10_000;

/** One event as products and cloud services send it (F-34). */
const event = z
  .object({
    id: z.string({ error: 'is required: the sender\'s unique event id' }).trim().min(1, 'must not be empty').max(100, 'can be at most 100 characters'),
    type: z.enum(['PRODUCT_SESSION', 'CLOUD_CREDITS'], { error: 'must be PRODUCT_SESSION or CLOUD_CREDITS' }),
    occurredAt: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date and time with a zone, e.g. 2026-11-20T09:15:00+01:00' }),
    user: z.string({ error: 'is required: the email address of the person' }).trim().min(3, 'must be an email address').max(254, 'is too long'),
    product: z.string({ error: 'is required: the product code, e.g. DRF' }).trim().min(1, 'must not be empty').max(20, 'is too long'),
    minutes: z.number({ error: 'must be a number of minutes' }).int('must be whole minutes').min(0, 'must not be negative').max(1440, 'can be at most 1440 (a day)').optional(),
    credits: z.number({ error: 'must be a number of credits' }).int('must be whole credits').min(1, 'must be at least 1').max(1_000_000, 'can be at most 1,000,000').optional(),
    service: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(100, 'can be at most 100 characters').optional(),
    subscription: z.string({ error: 'must be a serial number' }).trim().min(1, 'must not be empty').max(40, 'is too long').optional(),
  })
  .superRefine((value, context) => {
    if (value.type === 'PRODUCT_SESSION' && value.minutes === undefined) {
      context.addIssue({ code: 'custom', path: ['minutes'], message: 'is required for a PRODUCT_SESSION' });
    }
    if (value.type === 'CLOUD_CREDITS' && value.credits === undefined) {
      context.addIssue({ code: 'custom', path: ['credits'], message: 'is required for CLOUD_CREDITS' });
    }
  });

export type UsageEventInput = z.infer<typeof event>;

export const usageBatch = z.object(
  {
    events: z
      .array(event, { error: 'must be a list of events' })
      .min(1, 'must hold at least one event')
      .max(MAX_BATCH, `can hold at most ${MAX_BATCH.toLocaleString('en')} events per request`),
  },
  { error: 'The body must be a JSON object with an "events" list.' },
);
