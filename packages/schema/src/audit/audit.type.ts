import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { connectionTypes } from '../common/pagination.type.js';
import { UUID } from '../common/uuid.scalar.js';

@ObjectType({ description: 'One admin action recorded in the audit log.' })
export class AuditEntry {
  @Field(() => ID, { description: 'Identifier of the entry.' })
  id!: string;

  @Field(() => Date, { description: 'When the action happened.' })
  createdAt!: Date;

  @Field(() => ID, { nullable: true, description: 'Who did it (user id); null for the system or a deleted person.' })
  actorId!: string | null;

  @Field(() => String, { nullable: true, description: 'Name and email of who did it, as shown in the log.' })
  actorName!: string | null;

  @Field(() => Boolean, { description: "True when the account's directory did it through SCIM (no person is the actor then)." })
  byDirectory!: boolean;

  @Field(() => Boolean, { description: 'True when single sign-on did it at a sign-in (a member made just in time, a link, a team from group claims); no person is the actor then.' })
  bySingleSignOn!: boolean;

  @Field(() => String, { description: 'Stable action name, e.g. `user.invite`, `seat.assign`, `user.role.change`.' })
  action!: string;

  @Field(() => String, { description: 'Kind of record acted on, e.g. `user`, `team`, `subscription`, `import`.' })
  targetType!: string;

  @Field(() => String, { nullable: true, description: 'Identifier of the record acted on.' })
  targetId!: string | null;

  @Field(() => String, { description: 'One line saying what happened, in English.' })
  summary!: string;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The state before the action, where there was one.' })
  before!: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The state after the action, where there is one.' })
  after!: Record<string, unknown> | null;
}

export const AuditEntryConnection = connectionTypes(AuditEntry, 'AuditEntry', { one: 'entry', many: 'entries', pageInfo: 'Where this page stands in the whole log.',
  page: 'A page of the audit log, newest first.',
  total: 'How many entries match the filter.' });
export type AuditEntryConnection = InstanceType<typeof AuditEntryConnection>;
export type AuditEntryEdge = AuditEntryConnection['edges'][number];

@InputType({ description: 'Narrows the audit log; every given criterion must match.' })
export class AuditFilter {
  @Field(() => [String], { nullable: true, description: 'Only these actions (e.g. `seat.assign`).' })
  actions?: string[] | null;

  @Field(() => UUID, { nullable: true, description: 'Only actions by this person (user id).' })
  actorId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only actions on this record id (e.g. a user id).' })
  targetId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Only actions at or after this time.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Only actions before this time.' })
  to?: Date | null;
}
