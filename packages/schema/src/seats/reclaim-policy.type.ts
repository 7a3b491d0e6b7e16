import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ReclaimAction, ReclaimNoticeState, ReclaimSignal } from '../client/enums.js';
import { connectionTypes } from '../common/pagination.type.js';
import { UUID } from '../common/uuid.scalar.js';
import { Role } from '../users/role.enum.js';

export { ReclaimAction, ReclaimNoticeState, ReclaimSignal };

registerEnumType(ReclaimSignal, {
  name: 'ReclaimSignal',
  description: 'What a reclaim policy measures a seat\'s idleness from.',
  valuesConfig: {
    LAST_USE: { description: 'Days since the holder last used a product of the seat (since it was assigned when never).' },
    NEVER_USED: { description: 'Only seats never used since they were assigned, counted from the assignment.' },
  },
});

registerEnumType(ReclaimAction, {
  name: 'ReclaimAction',
  description: 'What a reclaim policy does at the end of the grace period.',
  valuesConfig: { UNASSIGN: { description: 'Unassign the seat (an admin can undo it for 14 days).' } },
});

registerEnumType(ReclaimNoticeState, {
  name: 'ReclaimNoticeState',
  description: 'Where a reclaim notice stands.',
  valuesConfig: {
    PENDING: { description: 'In the grace period: the person was told and can keep the seat.' },
    KEPT: { description: 'The person chose "Keep my seat" (the clock restarted).' },
    USED: { description: 'The person used the product, which cancelled the notice.' },
    RECLAIMED: { description: 'The seat was unassigned at the end of the grace period.' },
    CLOSED: { description: 'The seat, the person or the policy is gone, or the person was excluded since.' },
  },
});

@ObjectType({ description: 'Who a reclaim policy leaves alone.' })
export class ReclaimExclusions {
  @Field(() => [ID], { description: 'People (user ids) never reclaimed from.' })
  userIds!: string[];

  @Field(() => [ID], { description: 'Teams whose members are never reclaimed from.' })
  teamIds!: string[];

  @Field(() => [Role], { description: 'Roles never reclaimed from.' })
  roles!: Role[];
}

@ObjectType({ description: 'A reclaim policy: when an idle seat is announced to its holder and, after a grace period, taken back.' })
export class ReclaimPolicy {
  @Field(() => ID, { description: 'Identifier of the policy.' })
  id!: string;

  @Field(() => String, { description: 'The admin\'s name for it.' })
  name!: string;

  @Field(() => ID, { nullable: true, description: 'The subscription it covers; null for every subscription of the account.' })
  subscriptionId!: string | null;

  @Field(() => String, { nullable: true, description: 'The name of that subscription; null for the whole account.' })
  subscriptionName!: string | null;

  @Field(() => ReclaimSignal, { description: 'What idleness is measured from.' })
  signal!: ReclaimSignal;

  @Field(() => Int, { description: 'Idle days after which the holder is told (1 to 3650).' })
  thresholdDays!: number;

  @Field(() => Int, { description: 'Days between the notice and the reclaim (1 to 90).' })
  graceDays!: number;

  @Field(() => ReclaimExclusions, { description: 'People, teams and roles left alone.' })
  exclusions!: ReclaimExclusions;

  @Field(() => ReclaimAction, { description: 'What happens at the end of the grace period.' })
  action!: ReclaimAction;

  @Field(() => Boolean, { description: 'Whether the scheduled job applies it (a new policy is off until switched on).' })
  enabled!: boolean;

  @Field(() => Date, { nullable: true, description: 'When it was last switched on.' })
  enabledAt!: Date | null;

  @Field(() => Int, { description: 'Revision; pass it with a change (STALE_CHANGE when another change came first).' })
  version!: number;

  @Field(() => Int, { description: 'Notices now in their grace period.' })
  pendingNotices!: number;

  @Field(() => Date, { description: 'When it was made.' })
  createdAt!: Date;
}

export const ReclaimPolicyConnection = connectionTypes(ReclaimPolicy, 'ReclaimPolicy', {
  one: 'reclaim policy',
  many: 'reclaim policies',
  page: "A page of the account's reclaim policies, the oldest first.",
  total: 'How many reclaim policies the account has.',
});
export type ReclaimPolicyConnection = InstanceType<typeof ReclaimPolicyConnection>;

@InputType({ description: 'Who a reclaim policy leaves alone.' })
export class ReclaimExclusionsInput {
  @Field(() => [UUID], { description: 'People (user ids) of the account, at most 500.' })
  userIds!: string[];

  @Field(() => [UUID], { description: 'Teams of the account, at most 100.' })
  teamIds!: string[];

  @Field(() => [Role], { description: 'Roles.' })
  roles!: Role[];
}

@InputType({ description: 'A new reclaim policy (off until switched on with `setReclaimPolicyEnabled`).' })
export class CreateReclaimPolicyInput {
  @Field(() => String, { description: 'A name, 1 to 100 characters.' })
  name!: string;

  @Field(() => UUID, { nullable: true, description: 'One subscription of the account; omit for all of them.' })
  subscriptionId?: string | null;

  @Field(() => ReclaimSignal, { description: 'What idleness is measured from.' })
  signal!: ReclaimSignal;

  @Field(() => Int, { description: 'Idle days after which the holder is told, 1 to 3650.' })
  thresholdDays!: number;

  @Field(() => Int, { description: 'Days of grace after the notice, 1 to 90.' })
  graceDays!: number;

  @Field(() => ReclaimExclusionsInput, { nullable: true, description: 'Who is left alone; nobody when omitted.' })
  exclusions?: ReclaimExclusionsInput | null;

  @Field(() => ReclaimAction, { nullable: true, description: 'UNASSIGN (the default).' })
  action?: ReclaimAction | null;
}

@InputType({ description: 'Changes to a reclaim policy; omitted fields stay.' })
export class UpdateReclaimPolicyInput {
  @Field(() => UUID, { description: 'The policy.' })
  id!: string;

  @Field(() => Int, { description: 'The `version` the change was made on.' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'A name, 1 to 100 characters.' })
  name?: string | null;

  @Field(() => ReclaimSignal, { nullable: true, description: 'What idleness is measured from.' })
  signal?: ReclaimSignal | null;

  @Field(() => Int, { nullable: true, description: 'Idle days, 1 to 3650.' })
  thresholdDays?: number | null;

  @Field(() => Int, { nullable: true, description: 'Days of grace, 1 to 90.' })
  graceDays?: number | null;

  @Field(() => ReclaimExclusionsInput, { nullable: true, description: 'Who is left alone (replaces the list).' })
  exclusions?: ReclaimExclusionsInput | null;
}

@InputType({ description: 'Switch a reclaim policy on or off.' })
export class SetReclaimPolicyEnabledInput {
  @Field(() => UUID, { description: 'The policy.' })
  id!: string;

  @Field(() => Int, { description: 'The `version` seen (on the dry run shown before switching on).' })
  version!: number;

  @Field(() => Boolean, { description: 'On (true) or off (false). Off closes its pending notices.' })
  enabled!: boolean;
}

@ObjectType({ description: 'A seat a reclaim policy would announce or take back, and why.' })
export class ReclaimCandidate {
  @Field(() => ID, { description: 'The seat (assignment id).' })
  seatId!: string;

  @Field(() => ID, { description: 'The holder (user id).' })
  userId!: string;

  @Field(() => String, { description: "The holder's email in the account." })
  email!: string;

  @Field(() => String, { description: "The holder's name." })
  name!: string;

  @Field(() => ID, { description: 'The subscription of the seat.' })
  subscriptionId!: string;

  @Field(() => String, { description: 'The subscription\'s name.' })
  subscriptionName!: string;

  @Field(() => String, { nullable: true, description: 'Last day the holder used a product of the seat (YYYY-MM-DD, the account\'s day); null if never.' })
  lastUsedOn!: string | null;

  @Field(() => Int, { description: 'Days the seat has been idle by the policy\'s signal (since the last use, the assignment, or a "Keep my seat").' })
  idleDays!: number;

  @Field(() => String, { description: 'Why, in the reader\'s language: e.g. "Not used for 94 days".' })
  reason!: string;

  @Field(() => String, { description: 'The day the seat would be taken back if nobody acts (YYYY-MM-DD).' })
  reclaimOn!: string;
}

@ObjectType({ description: 'What a reclaim policy would do today: who would be told and lose which seat, and why.' })
export class ReclaimDryRun {
  @Field(() => ID, { description: 'The policy.' })
  policyId!: string;

  @Field(() => Int, { description: 'The policy version it was run on.' })
  version!: number;

  @Field(() => Int, { description: 'How many seats would be announced (all of them; `candidates` lists the first 500).' })
  totalCount!: number;

  @Field(() => Int, { description: 'Seats left alone by the exclusions that would otherwise be announced.' })
  excludedCount!: number;

  @Field(() => [ReclaimCandidate], { description: 'The seats, longest idle first, at most 500.' })
  candidates!: ReclaimCandidate[];
}

@ObjectType({ description: 'Seats reclaimed by policies and restored by undo in one month of the account.' })
export class ReclaimMonth {
  @Field(() => String, { description: 'The month, YYYY-MM.' })
  month!: string;

  @Field(() => Int, { description: 'Seats reclaimed by policies in the month.' })
  reclaimed!: number;

  @Field(() => Int, { description: 'Of those, seats an admin restored (by undo).' })
  restored!: number;

  @Field(() => Int, { description: 'Reclaimed net of restores.' })
  net!: number;
}
