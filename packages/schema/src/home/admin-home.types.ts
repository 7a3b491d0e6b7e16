import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ProductRef, Subscription, SubscriptionEvent } from '../subscriptions/subscription.type.js';
import { SupportCategory, SupportRequestStatus } from '../client/enums.js';

export { SupportCategory, SupportRequestStatus };

registerEnumType(SupportRequestStatus, {
  name: 'SupportRequestStatus',
  description: "Whose turn a support request is: support's, the customer's, or nobody's any more.",
  valuesConfig: {
    OPEN: { description: "Waiting for support: new, or the customer wrote since support's last reply." },
    ANSWERED: { description: 'Support replied; waiting for the customer.' },
    CLOSED: { description: 'Done; a message from the customer opens it again.' },
  },
});

registerEnumType(SupportCategory, {
  name: 'SupportCategory',
  description: 'What a support request is about, so support can route it.',
  valuesConfig: {
    LICENSING: { description: 'Seats, licences, activation and subscriptions.' },
    DOWNLOADS: { description: 'Downloading and installing software.' },
    ACCOUNT: { description: 'Signing in, users and the account.' },
    BILLING: { description: 'Contracts, invoices and payments.' },
    TECHNICAL: { description: 'How a product works, or a fault in it.' },
    OTHER: { description: 'Anything else.' },
  },
});

@ObjectType({ description: 'A question an admin sent to support.' })
export class SupportRequest {
  @Field(() => ID, { description: 'Identifier of the request.' })
  id!: string;

  @Field(() => String, { description: 'What it is about.' })
  subject!: string;

  @Field(() => SupportRequestStatus, { description: 'Open (waiting for support), answered (waiting for the customer) or closed.' })
  status!: SupportRequestStatus;

  @Field(() => SupportCategory, { description: 'What it is about.' })
  category!: SupportCategory;

  @Field(() => Date, { description: 'When it was opened.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When it was last opened, answered, written in, closed or reopened.' })
  lastActivityAt!: Date;

  @Field(() => String, { nullable: true, description: 'Name of the admin who opened it; null once they are gone.' })
  openedBy!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was closed; null while open.' })
  closedAt!: Date | null;

  @Field(() => Int, { description: "How many replies the vendor's support has written." })
  replyCount!: number;

  @Field(() => Date, { nullable: true, description: 'When support last replied; null before the first reply.' })
  lastReplyAt!: Date | null;
}

@InputType({ description: 'A new support request.' })
export class OpenSupportRequestInput {
  @Field(() => String, { description: 'What it is about: 3 to 200 characters.' })
  subject!: string;

  @Field(() => String, { nullable: true, description: "The question in full: up to 5,000 characters, line breaks kept; the thread's first message." })
  description?: string | null;

  @Field(() => SupportCategory, { nullable: true, description: 'What it is about; OTHER when omitted.' })
  category?: SupportCategory | null;
}

@ObjectType({ description: 'A version of a product the account owns, released recently.' })
export class ProductRelease {
  @Field(() => ProductRef, { description: 'The product.' })
  product!: ProductRef;

  @Field(() => String, { description: 'The version, e.g. 2026.' })
  version!: string;

  @Field(() => String, { description: 'Release day, YYYY-MM-DD.' })
  releasedOn!: string;
}

@ObjectType({ description: 'What an admin sees first (F-10): latest updates, renewals, open support requests.' })
export class AdminHome {
  @Field(() => [ProductRelease], { description: 'Latest releases of products the account has subscriptions for, newest first (at most 5).' })
  releases!: ProductRelease[];

  @Field(() => [Subscription], {
    description: 'Subscriptions renewing within 90 days or expired within the last 90 days (not cancelled), soonest first.',
  })
  renewals!: Subscription[];

  @Field(() => [SubscriptionEvent], { description: 'The latest changes of the account\'s subscriptions (created, seats, renewed, cancelled, expired), newest first (at most 5).' })
  subscriptionEvents!: SubscriptionEvent[];

  @Field(() => Int, { description: 'Subscriptions renewing within 30 days.' })
  renewingIn30!: number;

  @Field(() => Int, { description: 'Subscriptions renewing within 60 days.' })
  renewingIn60!: number;

  @Field(() => Int, { description: 'Subscriptions renewing within 90 days.' })
  renewingIn90!: number;

  @Field(() => Int, { description: 'Subscriptions whose end date has passed (not cancelled).' })
  expired!: number;

  @Field(() => [SupportRequest], { description: 'Open support requests, newest first (at most 5).' })
  openSupportRequests!: SupportRequest[];

  @Field(() => [SupportRequest], { description: 'Open support requests and those closed in the last 30 days, latest activity first (at most 5).' })
  recentSupportRequests!: SupportRequest[];

  @Field(() => Int, { description: 'How many support requests are open.' })
  openSupportRequestCount!: number;
}
