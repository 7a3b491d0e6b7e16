import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../common/pagination.type.js';
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

@ObjectType({ description: 'An edge of the vendor audit log.' })
export class VendorAuditEntryEdge {
  @Field(() => String, { description: 'Cursor of this entry.' })
  cursor!: string;

  @Field(() => VendorAuditEntry, { description: 'The entry.' })
  node!: VendorAuditEntry;
}

@ObjectType({ description: 'A page of the vendor audit log, newest first.' })
export class VendorAuditEntryConnection {
  @Field(() => [VendorAuditEntryEdge], { description: 'The entries of this page.' })
  edges!: VendorAuditEntryEdge[];

  @Field(() => PageInfo, { description: 'Where this page stands.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many entries the log holds.' })
  totalCount!: number;
}
