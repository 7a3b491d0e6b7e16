import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from '../common/pagination.type.js';
import { UUID } from '../common/uuid.scalar.js';
import { WebhookDeliveryStatus, WebhookEventType } from '../client/enums.js';

export { WebhookDeliveryStatus, WebhookEventType };

registerEnumType(WebhookEventType, {
  name: 'WebhookEventType',
  description: 'What a webhook reports; the delivered body names it in its `type` (`subscription.created`).',
  valuesConfig: {
    CUSTOMER_CREATED: { description: '`customer.created`: the vendor added a customer (vendor endpoints only).' },
    CUSTOMER_CHANGED: { description: "`customer.changed`: a customer's name, status or details changed (vendor endpoints only)." },
    SUBSCRIPTION_CREATED: { description: '`subscription.created`: a subscription was added under a contract.' },
    SUBSCRIPTION_CHANGED: { description: "`subscription.changed`: a subscription's seats, scheduled seats, cancellation at term end or credits changed." },
    SUBSCRIPTION_RENEWED: { description: '`subscription.renewed`: a subscription got a new term, by the vendor or by itself.' },
    SUBSCRIPTION_CANCELLED: { description: '`subscription.cancelled`: a subscription was cancelled, now or at the end of its term.' },
    SUBSCRIPTION_EXPIRED: { description: '`subscription.expired`: a subscription ended at the end of its term without a renewal.' },
    SEAT_ASSIGNED: { description: '`seat.assigned`: a person was given a seat.' },
    SEAT_UNASSIGNED: { description: "`seat.unassigned`: a person's seat was taken back." },
    MEMBER_INVITED: { description: '`member.invited`: someone was invited to the account.' },
    MEMBER_JOINED: { description: '`member.joined`: an invited person accepted and joined the account.' },
    MEMBER_REMOVED: { description: '`member.removed`: a person was removed from the account (or an invitation withdrawn).' },
    LICENCE_CHECKED_OUT: { description: '`licence.checked-out`: a product took a licence lease.' },
    LICENCE_RELEASED: { description: '`licence.released`: a licence lease was released or ran out.' },
    CLOUD_CREDITS_LOW: { description: "`cloud-credits.low`: a subscription's cloud credits fell below a tenth of what was bought." },
  },
});

registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'Where the delivery of one event to one endpoint stands.',
  valuesConfig: {
    PENDING: { description: 'Not delivered yet: the next attempt is queued.' },
    SUCCEEDED: { description: 'The endpoint answered with a 2xx status.' },
    FAILED: { description: 'Every attempt failed (or the endpoint was disabled or deleted meanwhile).' },
  },
});

@ObjectType({ description: 'An HTTPS address Seatwise posts signed events to (Standard Webhooks).' })
export class WebhookEndpoint {
  @Field(() => ID, { description: 'Stable identifier of the endpoint.' })
  id!: string;

  @Field(() => String, { description: 'Where events are posted: https (http only to localhost outside production).' })
  url!: string;

  @Field(() => String, { description: 'What the endpoint is for, in the owner\'s words; may be empty.' })
  description!: string;

  @Field(() => Boolean, { description: 'Whether it gets every event type, including types added later.' })
  allEvents!: boolean;

  @Field(() => [WebhookEventType], { description: 'The event types it gets when `allEvents` is false.' })
  events!: WebhookEventType[];

  @Field(() => Boolean, { description: 'Whether events are sent to it now.' })
  enabled!: boolean;

  @Field(() => Date, { nullable: true, description: 'When Seatwise turned it off after persistent failure; null when it did not (or it was turned on again).' })
  disabledForFailureAt!: Date | null;

  @Field(() => Date, { description: 'When the endpoint was added.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When its secret was made (at creation or the last rotation).' })
  secretCreatedAt!: Date;
}

@ObjectType({ description: 'An endpoint with its signing secret, shown only this once (after creation or rotation).' })
export class WebhookEndpointWithSecret {
  @Field(() => WebhookEndpoint, { description: 'The endpoint.' })
  endpoint!: WebhookEndpoint;

  @Field(() => String, { description: 'The signing secret, `whsec_` and base64: keep it, it is not shown again.' })
  secret!: string;
}

@ObjectType({ description: 'One attempt to deliver one event to an endpoint: the delivery log.' })
export class WebhookAttempt {
  @Field(() => ID, { description: 'Stable identifier of the attempt.' })
  id!: string;

  @Field(() => UUID, { description: 'The delivery (one event to this endpoint) the attempt belongs to; redeliver it with `redeliverWebhook`.' })
  deliveryId!: string;

  @Field(() => String, { description: 'The `webhook-id` header: the same on every attempt of the event.' })
  messageId!: string;

  @Field(() => WebhookEventType, { description: 'The event type delivered.' })
  eventType!: WebhookEventType;

  @Field(() => Int, { description: 'The attempt number of this delivery, 1 on the first.' })
  attempt!: number;

  @Field(() => Int, { nullable: true, description: 'The HTTP status the endpoint answered; null when no answer came (timeout, refused connection).' })
  statusCode!: number | null;

  @Field(() => Boolean, { description: 'Whether the endpoint answered with a 2xx status.' })
  succeeded!: boolean;

  @Field(() => String, { nullable: true, description: 'Why no answer came (e.g. timed out), when none did.' })
  error!: string | null;

  @Field(() => String, { description: 'The first kilobyte of the answer body.' })
  responseExcerpt!: string;

  @Field(() => Int, { description: 'How long the request took, in milliseconds.' })
  durationMs!: number;

  @Field(() => Date, { description: 'When the attempt was made.' })
  attemptedAt!: Date;

  @Field(() => WebhookDeliveryStatus, { description: 'Where the delivery stands now.' })
  deliveryStatus!: WebhookDeliveryStatus;
}

export const WebhookAttemptConnection = connectionTypes(WebhookAttempt, 'WebhookAttempt', {
  one: 'attempt',
  many: 'attempts',
  page: "A page of an endpoint's delivery log, the latest attempt first.",
  total: 'How many attempts the log holds, on all pages together.',
});

@InputType({ description: 'A new webhook endpoint.' })
export class CreateWebhookEndpointInput {
  @Field(() => String, { description: 'Where to post events: https (http only to localhost outside production), at most 500 characters.' })
  url!: string;

  @Field(() => String, { nullable: true, description: 'What it is for, at most 200 characters.' })
  description?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Every event type, including types added later (default when `events` is empty).' })
  allEvents?: boolean | null;

  @Field(() => [WebhookEventType], { nullable: true, description: 'The event types to send when `allEvents` is false.' })
  events?: WebhookEventType[] | null;
}

@InputType({ description: 'A change to a webhook endpoint; what is left out stays.' })
export class UpdateWebhookEndpointInput {
  @Field(() => UUID, { description: 'The endpoint.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'A new address.' })
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'A new description.' })
  description?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Every event type, or only `events`.' })
  allEvents?: boolean | null;

  @Field(() => [WebhookEventType], { nullable: true, description: 'The event types to send when `allEvents` is false.' })
  events?: WebhookEventType[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Send events to it (true) or stop (false). Turning it on again clears a disabling for failure.' })
  enabled?: boolean | null;
}
export type WebhookAttemptConnection = InstanceType<typeof WebhookAttemptConnection>;
export type WebhookAttemptEdge = WebhookAttemptConnection['edges'][number];
