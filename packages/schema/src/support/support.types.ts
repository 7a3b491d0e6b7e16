import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SupportCategory, SupportMessageAuthor, SupportRequestStatus } from '../client/enums.js';
import { PageInfo, SortDirection } from '../common/pagination.type.js';
import { UUID } from '../common/uuid.scalar.js';
import { SupportRequest } from '../home/admin-home.types.js';

export { SupportMessageAuthor };

registerEnumType(SupportMessageAuthor, {
  name: 'SupportMessageAuthor',
  description: "Who wrote a message of a support request's thread.",
  valuesConfig: {
    CUSTOMER: { description: "Someone of the customer's account." },
    VENDOR: { description: "A member of the vendor's staff." },
  },
});

@ObjectType({ description: "One message of a support request's thread." })
export class SupportMessage {
  @Field(() => UUID, { description: 'Identifier of the message.' })
  id!: string;

  @Field(() => SupportMessageAuthor, { description: 'Whether the customer or the vendor wrote it.' })
  author!: SupportMessageAuthor;

  @Field(() => String, { nullable: true, description: 'Name of the person who wrote it; null once they are gone.' })
  authorName!: string | null;

  @Field(() => String, { description: 'What it says; line breaks kept.' })
  body!: string;

  @Field(() => Date, { description: 'When it was written.' })
  createdAt!: Date;
}

@ObjectType({ description: 'A support request with its thread, as the customer sees it.' })
export class SupportThread {
  @Field(() => SupportRequest, { description: 'The request.' })
  request!: SupportRequest;

  @Field(() => [SupportMessage], { description: 'Its messages, oldest first (the latest 200).' })
  messages!: SupportMessage[];
}

@ObjectType({ description: "An edge of the account's support requests." })
export class SupportRequestEdge {
  @Field(() => String, { description: 'Cursor of this request.' })
  cursor!: string;

  @Field(() => SupportRequest, { description: 'The request.' })
  node!: SupportRequest;
}

@ObjectType({ description: "A page of the account's support requests." })
export class SupportRequestConnection {
  @Field(() => [SupportRequestEdge], { description: 'The requests of this page.' })
  edges!: SupportRequestEdge[];

  @Field(() => PageInfo, { description: 'Where this page stands.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many requests match the filter.' })
  totalCount!: number;
}

@InputType({ description: "Which of the account's support requests to list." })
export class SupportRequestsFilter {
  @Field(() => [SupportRequestStatus], { nullable: true, description: 'Only requests in these states; all when omitted or empty.' })
  status?: SupportRequestStatus[] | null;

  @Field(() => SupportCategory, { nullable: true, description: 'Only requests of this category.' })
  category?: SupportCategory | null;

  @Field(() => String, { nullable: true, description: 'Words in the subject.' })
  search?: string | null;
}

@ObjectType({ description: "A support request in the vendor's inbox: the request, its customer and its opener." })
export class InboxSupportRequest {
  @Field(() => UUID, { description: 'Identifier of the request.' })
  id!: string;

  @Field(() => String, { description: 'What it is about.' })
  subject!: string;

  @Field(() => SupportRequestStatus, { description: 'Open (waiting for support), answered (waiting for the customer) or closed.' })
  status!: SupportRequestStatus;

  @Field(() => SupportCategory, { description: 'What it is about.' })
  category!: SupportCategory;

  @Field(() => Date, { description: 'When it was opened.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When it was last opened, answered, closed or reopened.' })
  lastActivityAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was closed; null while open.' })
  closedAt!: Date | null;

  @Field(() => UUID, { description: 'The customer account it came from.' })
  customerId!: string;

  @Field(() => String, { description: 'Name of the customer.' })
  customerName!: string;

  @Field(() => String, { nullable: true, description: 'Name of the admin who opened it; null once they are gone.' })
  openedBy!: string | null;

  @Field(() => String, { nullable: true, description: 'Email of the admin who opened it (replies are mailed there); null once they are gone.' })
  openedByEmail!: string | null;

  @Field(() => Int, { description: 'How many messages its thread holds.' })
  messageCount!: number;
}

@ObjectType({ description: 'An edge of the support inbox.' })
export class InboxSupportRequestEdge {
  @Field(() => String, { description: 'Cursor of this request.' })
  cursor!: string;

  @Field(() => InboxSupportRequest, { description: 'The request.' })
  node!: InboxSupportRequest;
}

@ObjectType({ description: "A page of the vendor's support inbox." })
export class InboxSupportRequestConnection {
  @Field(() => [InboxSupportRequestEdge], { description: 'The requests of this page.' })
  edges!: InboxSupportRequestEdge[];

  @Field(() => PageInfo, { description: 'Where this page stands.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many requests match the filter.' })
  totalCount!: number;
}

@InputType({ description: 'Which support requests the inbox shows.' })
export class SupportInboxFilter {
  @Field(() => SupportRequestStatus, { nullable: true, description: 'Only requests in this state; all when omitted.' })
  status?: SupportRequestStatus | null;

  @Field(() => SupportCategory, { nullable: true, description: 'Only requests of this category.' })
  category?: SupportCategory | null;

  @Field(() => UUID, { nullable: true, description: 'Only the requests of this customer.' })
  customerId?: string | null;

  @Field(() => String, { nullable: true, description: "Words in the subject, the customer's name or the opener's email." })
  search?: string | null;
}

@InputType({ description: "How to sort the support inbox: by the requests' latest activity." })
export class SupportInboxOrder {
  @Field(() => SortDirection, { nullable: true, description: 'DESC (latest activity first) unless ASC.' })
  direction?: SortDirection | null;
}

@ObjectType({ description: 'A support request with its thread, as the vendor sees it.' })
export class InboxSupportThread {
  @Field(() => InboxSupportRequest, { description: 'The request.' })
  request!: InboxSupportRequest;

  @Field(() => [SupportMessage], { description: 'Its messages, oldest first (the latest 200).' })
  messages!: SupportMessage[];
}

@InputType({ description: "The vendor's reply to a support request." })
export class ReplyToSupportRequestInput {
  @Field(() => UUID, { description: 'The request.' })
  requestId!: string;

  @Field(() => String, { description: 'The reply: 1 to 5,000 characters; line breaks allowed.' })
  body!: string;

  @Field(() => Boolean, { nullable: true, description: 'Close the request with this reply.' })
  close?: boolean | null;
}

@InputType({ description: "A customer's message in the thread of one of the account's support requests." })
export class AddSupportMessageInput {
  @Field(() => UUID, { description: 'The request.' })
  requestId!: string;

  @Field(() => String, { description: 'The message: 1 to 5,000 characters; line breaks allowed.' })
  body!: string;
}
