import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from '../common/pagination.type.js';
import { VendorRole } from '../client/enums.js';
import { UUID } from '../common/uuid.scalar.js';
import { Language } from '../identity/viewer.type.js';

export { VendorRole };

registerEnumType(VendorRole, {
  name: 'VendorRole',
  description: "A role of the vendor's own staff, who run Seatwise for its customers and belong to no customer account.",
  valuesConfig: {
    OPERATOR: { description: 'Runs the vendor console: customers, catalogue, contracts, staff; everything.' },
    SUPPORT: { description: "Reads customers and answers their support requests; changes nothing else." },
  },
});

@ObjectType({ description: "A member of the vendor's staff, signed in to the Vendor console." })
export class VendorStaff {
  @Field(() => UUID, { description: "The staff member's user id." })
  id!: string;

  @Field(() => String, { description: 'Email address they sign in with.' })
  email!: string;

  @Field(() => String, { description: 'Given name.' })
  firstName!: string;

  @Field(() => String, { description: 'Family name.' })
  lastName!: string;

  @Field(() => Language, { description: 'Display language they chose.' })
  language!: Language;

  @Field(() => VendorRole, { description: 'What they may do in the Vendor console.' })
  role!: VendorRole;
}

@ObjectType({ description: 'A set-up link as its page shows it, before it is used.' })
export class OperatorSetupLink {
  @Field(() => String, { nullable: true, description: 'The email address the link was made for; null when the first operator chooses it.' })
  email!: string | null;

  @Field(() => VendorRole, { description: 'The role the new staff member gets.' })
  role!: VendorRole;

  @Field(() => Date, { description: 'When the link stops working.' })
  expiresAt!: Date;
}

@InputType({ description: 'Who the new staff member is, and their password: the first step of a set-up link.' })
export class BeginOperatorSetupInput {
  @Field(() => String, { description: 'The token of the set-up link (the last part of /setup/<token>).' })
  token!: string;

  @Field(() => String, { nullable: true, description: 'Email address to sign in with; ignored when the link names one.' })
  email?: string | null;

  @Field(() => String, { description: 'Given name.' })
  firstName!: string;

  @Field(() => String, { description: 'Family name.' })
  lastName!: string;

  @Field(() => String, { description: 'The new password (the password policy applies).' })
  password!: string;

  @Field(() => Language, { nullable: true, description: 'Display language; English when omitted.' })
  language?: Language | null;
}

@InputType({ description: 'The first code of the authenticator app, which finishes a set-up link.' })
export class CompleteOperatorSetupInput {
  @Field(() => String, { description: 'The token of the set-up link.' })
  token!: string;

  @Field(() => String, { description: 'The 6-digit code the authenticator app shows now.' })
  code!: string;
}

@ObjectType({ description: 'The staff member a set-up link created, signed in, with their recovery codes (shown once).' })
export class OperatorSetupResult {
  @Field(() => VendorStaff, { description: 'The new staff member, now signed in.' })
  staff!: VendorStaff;

  @Field(() => [String], { description: 'Single-use recovery codes for when the authenticator app is not at hand. Shown only now.' })
  recoveryCodes!: string[];
}

@InputType({ description: 'Who to add to the vendor staff: they get a single-use set-up link.' })
export class CreateStaffSetupLinkInput {
  @Field(() => String, { description: 'Email address the new staff member will sign in with.' })
  email!: string;

  @Field(() => VendorRole, { description: 'Their role.' })
  role!: VendorRole;
}

@ObjectType({ description: 'A set-up link just issued: pass it to the person; it works once, for an hour.' })
export class IssuedSetupLink {
  @Field(() => String, { description: 'The link to open.' })
  url!: string;

  @Field(() => Date, { description: 'When it stops working.' })
  expiresAt!: Date;
}

export const VendorStaffConnection = connectionTypes(VendorStaff, 'VendorStaff', { one: 'staff member', many: 'staff members',
  page: "A page of the vendor's staff, by name.",
  total: "How many people are on the vendor's staff, on all pages together." });
export type VendorStaffConnection = InstanceType<typeof VendorStaffConnection>;
