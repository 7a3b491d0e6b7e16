import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from '../common/pagination.type.js';
import { MessageChannel } from '../client/enums.js';

export { MessageChannel };

registerEnumType(MessageChannel, {
  name: 'MessageChannel',
  description: 'How a message reaches a person.',
  valuesConfig: {
    EMAIL: { description: 'An email message.' },
    SMS: { description: 'A text message to a mobile phone.' },
  },
});

@ObjectType({
  description:
    'A message Seatwise kept in its outbox instead of sending it, because no SMTP relay or SMS provider is configured. Listed in demo mode only.',
})
export class OutboxMessage {
  @Field(() => ID, { description: 'Identifier of the message; identifiers sort by time.' })
  id!: string;

  @Field(() => MessageChannel, { description: 'Whether it is an email or a text message.' })
  channel!: MessageChannel;

  @Field(() => String, { description: 'Email address or phone number it was addressed to.' })
  to!: string;

  @Field(() => String, { nullable: true, description: 'Subject line of an email; null for a text message.' })
  subject!: string | null;

  @Field(() => String, { description: 'The message as plain text, links included.' })
  text!: string;

  @Field(() => Date, { description: 'When Seatwise produced the message.' })
  sentAt!: Date;
}

export const OutboxMessageConnection = connectionTypes(OutboxMessage, 'OutboxMessage', { one: 'message', many: 'messages', pageInfo: 'Where this page stands in the whole outbox.',
  page: 'A page of the outbox, newest first.',
  total: 'How many messages the outbox keeps, on all pages together.' });
export type OutboxMessageConnection = InstanceType<typeof OutboxMessageConnection>;
export type OutboxMessageEdge = OutboxMessageConnection['edges'][number];

@InputType({ description: 'Which kept messages to list.' })
export class OutboxFilter {
  @Field(() => String, { nullable: true, description: 'Only messages whose recipient, subject or text holds this (any case); totalCount counts them.' })
  search?: string | null;
}
