import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes, SortDirection } from '../common/pagination.type.js';
import { CustomerStatus, CustomerSortField } from '../client/enums.js';
import { UUID } from '../common/uuid.scalar.js';
import { Language } from '../identity/viewer.type.js';
import { MembershipStatus, Role } from '../users/role.enum.js';

export { CustomerStatus, CustomerSortField };

registerEnumType(CustomerStatus, {
  name: 'CustomerStatus',
  description: "Whether a customer account's people and tokens may use Seatwise.",
  valuesConfig: {
    ACTIVE: { description: 'In use.' },
    SUSPENDED: { description: 'Sign-ins and API tokens refused; all data kept; can be reactivated.' },
    CLOSED: { description: 'Ended for good: sign-ins and API tokens refused, data kept for the records.' },
  },
});

registerEnumType(CustomerSortField, {
  name: 'CustomerSortField',
  description: 'What a list of customers is sorted by.',
  valuesConfig: {
    NAME: { description: 'Name, A to Z.' },
    CREATED_AT: { description: 'When the customer was created.' },
    USERS: { description: 'Number of users (active and invited).' },
    SEATS: { description: 'Seats on running subscriptions.' },
  },
});

@ObjectType({ description: 'A customer of the vendor: one customer account, as the Vendor console sees it.' })
export class Customer {
  @Field(() => UUID, { description: 'The account id.' })
  id!: string;

  @Field(() => String, { description: 'Name of the organisation.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Country as an ISO 3166-1 alpha-2 code, e.g. SI.' })
  country!: string | null;

  @Field(() => String, { description: 'IANA time zone the account counts its days in.' })
  timeZone!: string;

  @Field(() => Language, { description: 'Language of the mails Seatwise sends the account before its people choose their own.' })
  language!: Language;

  @Field(() => String, { nullable: true, description: "The customer's id in the vendor's billing system; unique." })
  externalId!: string | null;

  @Field(() => CustomerStatus, { description: 'Active, suspended or closed.' })
  status!: CustomerStatus;

  @Field(() => Date, { description: 'When the customer was created.' })
  createdAt!: Date;

  @Field(() => Int, { description: 'Users of the account, active and invited.' })
  userCount!: number;

  @Field(() => Int, { description: 'Seats on the running subscriptions of the account.' })
  seatCount!: number;

  @Field(() => String, { nullable: true, description: 'Email of the primary admin (active or invited); null while there is none.' })
  primaryAdminEmail!: string | null;
}

export const CustomerConnection = connectionTypes(Customer, 'Customer', { one: 'customer', many: 'customers', pageInfo: 'Where this page stands.',
  page: 'A page of customers.',
  total: 'How many customers match the filter.' });
export type CustomerConnection = InstanceType<typeof CustomerConnection>;
export type CustomerEdge = CustomerConnection['edges'][number];

@InputType({ description: 'Which customers to list.' })
export class CustomersFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name or of the external id.' })
  search?: string | null;

  @Field(() => String, { nullable: true, description: "Only the customer with exactly this external id (the billing system's id), for a billing system's look-up." })
  externalId?: string | null;

  @Field(() => CustomerStatus, { nullable: true, description: 'Only customers with this status.' })
  status?: CustomerStatus | null;
}

@InputType({ description: 'How to sort a list of customers.' })
export class CustomersOrder {
  @Field(() => CustomerSortField, { description: 'What to sort by.' })
  field!: CustomerSortField;

  @Field(() => SortDirection, { nullable: true, description: 'Ascending unless DESC.' })
  direction?: SortDirection | null;
}

@InputType({ description: 'A new customer account.' })
export class CreateCustomerInput {
  @Field(() => String, { description: 'Name of the organisation (1 to 200 characters).' })
  name!: string;

  @Field(() => String, { description: 'Country as an ISO 3166-1 alpha-2 code, e.g. SI.' })
  country!: string;

  @Field(() => String, { description: 'IANA time zone, e.g. Europe/Ljubljana.' })
  timeZone!: string;

  @Field(() => Language, { description: 'Language of the first mails (the invitation of the primary admin).' })
  language!: Language;

  @Field(() => String, { nullable: true, description: "The customer's id in the billing system (up to 100 characters); unique." })
  externalId?: string | null;
}

@InputType({ description: 'The person to invite as the primary admin of a customer account.' })
export class InviteCustomerPrimaryAdminInput {
  @Field(() => UUID, { description: 'The customer account.' })
  customerId!: string;

  @Field(() => String, { description: 'Email address of the primary admin.' })
  email!: string;

  @Field(() => String, { description: 'Given name.' })
  firstName!: string;

  @Field(() => String, { description: 'Family name.' })
  lastName!: string;
}

@ObjectType({ description: "A person of a customer account, as the vendor's staff read it (each read is in the vendor audit log)." })
export class CustomerPerson {
  @Field(() => UUID, { description: "The person's user id." })
  id!: string;

  @Field(() => String, { description: 'Email address, as the account sees it.' })
  email!: string;

  @Field(() => String, { description: 'Given name.' })
  firstName!: string;

  @Field(() => String, { description: 'Family name.' })
  lastName!: string;

  @Field(() => Role, { description: 'Role in the account.' })
  role!: Role;

  @Field(() => MembershipStatus, { description: 'Active, invited or inactive.' })
  status!: MembershipStatus;
}

export const CustomerPersonConnection = connectionTypes(CustomerPerson, 'CustomerPerson', { one: 'person', many: 'people', pageInfo: 'Where this page stands.',
  page: 'A page of the people of a customer, by name.',
  total: 'How many people the account has.' });
export type CustomerPersonConnection = InstanceType<typeof CustomerPersonConnection>;
export type CustomerPersonEdge = CustomerPersonConnection['edges'][number];
