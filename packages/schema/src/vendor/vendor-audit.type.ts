import { Field, ObjectType } from 'type-graphql';
import { connectionTypes } from '../common/pagination.type.js';
import { UUID } from '../common/uuid.scalar.js';

@ObjectType({ description: "One thing the vendor's staff did or read, such as opening a customer's list of people." })
export class VendorAuditEntry {
  @Field(() => UUID, { description: 'Stable identifier of the entry.' })
  id!: string;

  @Field(() => Date, { description: 'When it happened.' })
  at!: Date;

  @Field(() => String, { nullable: true, description: 'Email of the staff member who did it; null for the command line.' })
  actorEmail!: string | null;

  @Field(() => String, { nullable: true, description: 'The vendor service token the staff member\'s action came through (its name); null in the console or on the command line.' })
  tokenName!: string | null;

  @Field(() => String, { description: 'What was done, e.g. customer.create, customer.people.read.' })
  action!: string;

  @Field(() => UUID, { nullable: true, description: 'The customer account it concerned, if any.' })
  customerId!: string | null;

  @Field(() => String, { nullable: true, description: "The customer's name at the time, if any." })
  customerName!: string | null;

  @Field(() => String, { description: 'A sentence saying what happened.' })
  summary!: string;
}

export const VendorAuditEntryConnection = connectionTypes(VendorAuditEntry, 'VendorAuditEntry', { one: 'entry', many: 'entries', pageInfo: 'Where this page stands.',
  page: 'A page of the vendor audit log, newest first.',
  total: 'How many entries the log holds.' });
export type VendorAuditEntryConnection = InstanceType<typeof VendorAuditEntryConnection>;
export type VendorAuditEntryEdge = VendorAuditEntryConnection['edges'][number];
