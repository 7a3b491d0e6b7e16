import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../common/pagination.type.js';
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

@ObjectType({ description: 'An outbox message and its cursor.' })
export class OutboxMessageEdge {
  @Field(() => String, { description: 'Opaque cursor of this message: pass it as `after` to continue after it.' })
  cursor!: string;

  @Field(() => OutboxMessage, { description: 'The message.' })
  node!: OutboxMessage;
}

@ObjectType({ description: 'A page of the outbox, newest first.' })
export class OutboxMessageConnection {
  @Field(() => [OutboxMessageEdge], { description: 'The messages of this page, in order.' })
  edges!: OutboxMessageEdge[];

  @Field(() => PageInfo, { description: 'Where this page stands in the whole outbox.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many messages the outbox keeps, on all pages together.' })
  totalCount!: number;
}
