import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from '../common/pagination.type.js';
import { ImportRowReason } from './import.type.js';
import { Role } from './role.enum.js';
import { TeamRef } from './user.type.js';
import { UUID } from '../common/uuid.scalar.js';
import { InvitationStatus } from '../client/enums.js';

export { InvitationStatus };

registerEnumType(InvitationStatus, {
  name: 'InvitationStatus',
  description: 'Where an invitation stands.',
  valuesConfig: {
    PENDING: { description: 'Sent and not yet accepted; the link works until it expires.' },
    ACCEPTED: { description: 'The invitee accepted and is now an active user.' },
    REVOKED: { description: 'An admin withdrew it (or removed the person); the link no longer works.' },
    EXPIRED: { description: 'Nobody accepted it in time; resend to get a new link.' },
  },
});

@ObjectType({ description: 'An invitation to join the account, sent by email.' })
export class Invitation {
  @Field(() => ID, { description: 'Identifier of the invitation.' })
  id!: string;

  @Field(() => ID, { description: 'The invited person (user id).' })
  userId!: string;

  @Field(() => String, { description: 'Email address the invitation was sent to.' })
  email!: string;

  @Field(() => String, { description: 'Given name of the invitee.' })
  firstName!: string;

  @Field(() => String, { description: 'Family name of the invitee.' })
  lastName!: string;

  @Field(() => Role, { description: 'Role the invitee gets on accepting.' })
  role!: Role;

  @Field(() => TeamRef, { nullable: true, description: 'Team the invitee joins, if any.' })
  team!: TeamRef | null;

  @Field(() => InvitationStatus, { description: 'Pending, accepted, revoked or expired.' })
  status!: InvitationStatus;

  @Field(() => Date, { description: 'When it was (last) sent.' })
  sentAt!: Date;

  @Field(() => Date, { description: 'When the link stops working.' })
  expiresAt!: Date;
}

export const InvitationConnection = connectionTypes(Invitation, 'Invitation', { one: 'invitation', many: 'invitations',
  page: 'A page of pending invitations (expired ones included), the latest to expire first.',
  total: 'How many invitations are pending, on all pages together.' });
export type InvitationConnection = InstanceType<typeof InvitationConnection>;
export type InvitationEdge = InvitationConnection['edges'][number];

@InputType({ description: 'Invite one person (F-41 "+ Invite users").' })
export class InviteUserInput {
  @Field(() => String, { description: 'Email address; the invitation is sent there.' })
  email!: string;

  @Field(() => String, { description: 'Given name, 1 to 100 characters.' })
  firstName!: string;

  @Field(() => String, { description: 'Family name, 1 to 100 characters.' })
  lastName!: string;

  @Field(() => Role, { nullable: true, description: 'Role in the account; User when omitted. Not PRIMARY_ADMIN (use the handover).' })
  role?: Role | null;

  @Field(() => UUID, { nullable: true, description: 'Team to put the person in.' })
  teamId?: string | null;

  @Field(() => [UUID], { nullable: true, description: 'Subscriptions to assign a seat of right away.' })
  subscriptionIds?: string[] | null;
}

@InputType({ description: 'One person in an "Invite Multiple" list.' })
export class InviteRowInput {
  @Field(() => String, { description: 'Email address.' })
  email!: string;

  @Field(() => String, { description: 'Given name.' })
  firstName!: string;

  @Field(() => String, { description: 'Family name.' })
  lastName!: string;
}

@InputType({ description: 'Invite many people at once (F-42 "Invite Multiple"): all valid rows or none.' })
export class InviteUsersInput {
  @Field(() => [InviteRowInput], { description: 'The people to invite, 1 to 200 rows.' })
  rows!: InviteRowInput[];

  @Field(() => Role, { nullable: true, description: 'Role for everyone on the list; User when omitted.' })
  role?: Role | null;

  @Field(() => UUID, { nullable: true, description: 'Team for everyone on the list.' })
  teamId?: string | null;

  @Field(() => [UUID], { nullable: true, description: 'Subscriptions to assign everyone a seat of.' })
  subscriptionIds?: string[] | null;

  @Field(() => Boolean, { defaultValue: false, description: 'true: only check the rows and report; nothing is written or sent.' })
  dryRun!: boolean;
}

@ObjectType({ description: 'One invalid field of an "Invite Multiple" row.' })
export class InviteFieldProblem {
  @Field(() => String, { description: 'The field at fault: `email`, `firstName` or `lastName`.' })
  field!: string;

  @Field(() => String, { description: 'What is wrong with it, in the request\'s language.' })
  message!: string;

  @Field(() => ImportRowReason, { description: 'The same as `message`, as a code for translated texts.' })
  reason!: ImportRowReason;

  @Field(() => String, { nullable: true, description: 'The value the reason is about (an email, a row number).' })
  detail!: string | null;
}

@ObjectType({ description: 'What happened to one row of an "Invite Multiple" list.' })
export class InviteRowResult {
  @Field(() => Int, { description: 'Row number, from 1.' })
  row!: number;

  @Field(() => String, { description: 'The email address of the row, as given.' })
  email!: string;

  @Field(() => Boolean, { description: 'Whether the row is valid (and, unless a dry run, was invited).' })
  ok!: boolean;

  @Field(() => String, { nullable: true, description: 'The field at fault (`email`, `firstName`, `lastName`), if any.' })
  field!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the row was refused, if it was, in English.' })
  message!: string | null;

  @Field(() => ImportRowReason, { nullable: true, description: 'The same as `message`, as a code for translated texts.' })
  reason!: ImportRowReason | null;

  @Field(() => String, { nullable: true, description: 'The value the reason is about (an email, a row number).' })
  detail!: string | null;

  @Field(() => [InviteFieldProblem], { description: 'Every invalid field of the row (empty when it is valid); `field`, `message`, `reason` and `detail` above are the first.' })
  problems!: InviteFieldProblem[];
}

@ObjectType({ description: 'The report of an "Invite Multiple" request.' })
export class InviteUsersResult {
  @Field(() => [InviteRowResult], { description: 'One result per row, in order.' })
  rows!: InviteRowResult[];

  @Field(() => Int, { description: 'How many people were invited (0 on a dry run or when any row is invalid).' })
  invitedCount!: number;
}

@ObjectType({ description: 'What the invitation link shows before the invitee accepts; readable without signing in.' })
export class InvitationPreview {
  @Field(() => String, { description: 'The invited email address.' })
  email!: string;

  @Field(() => String, { description: 'Given name of the invitee.' })
  firstName!: string;

  @Field(() => String, { description: 'Name of the account inviting.' })
  accountName!: string;

  @Field(() => InvitationStatus, { description: 'Whether the link can still be used (PENDING).' })
  status!: InvitationStatus;

  @Field(() => Boolean, { description: 'true: a new person, who sets a password; false: an existing person, who signs in with theirs.' })
  needsPassword!: boolean;
}

@InputType({ description: 'Accept an invitation; signs the person in.' })
export class AcceptInvitationInput {
  @Field(() => String, { description: 'The token from the emailed link.' })
  token!: string;

  @Field(() => String, { description: 'A new person: the password to set (at least 10 characters). An existing person: their password.' })
  password!: string;
}
