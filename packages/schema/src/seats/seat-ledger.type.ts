import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SeatLedgerActor, SeatLedgerEvent, SeatLedgerReason } from '../client/enums.js';
import { connectionTypes } from '../common/pagination.type.js';
import { UUID } from '../common/uuid.scalar.js';
import { Role } from '../users/role.enum.js';

export { SeatLedgerActor, SeatLedgerEvent, SeatLedgerReason };

registerEnumType(SeatLedgerEvent, {
  name: 'SeatLedgerEvent',
  description: 'What a seat ledger entry records.',
  valuesConfig: {
    ASSIGN: { description: 'A seat was given to the person.' },
    UNASSIGN: { description: 'The seat was taken back (also when the person was removed or deleted their sign-in).' },
    RESTORE: { description: 'An undo gave the same seat back.' },
    MEMBER_REMOVE: { description: 'The person was removed from the account (their role and team are kept for an undo).' },
    MEMBER_RESTORE: { description: 'An undo brought the removed person back with their role and team.' },
  },
});

registerEnumType(SeatLedgerReason, {
  name: 'SeatLedgerReason',
  description: 'The operation a seat ledger entry belongs to.',
  valuesConfig: {
    ASSIGN: { description: '"Assign" or a bulk assignment.' },
    INVITE: { description: 'An invitation with seats.' },
    IMPORT: { description: 'A CSV import.' },
    UNASSIGN: { description: '"Unassign", single or bulk (undoable).' },
    REMOVE: { description: 'A removal from the account, single or bulk (undoable).' },
    INVITATION_REVOKE: { description: 'A revoked invitation freed the invitee\'s seats.' },
    DIRECTORY: { description: 'The directory (SCIM) deactivated or reactivated the person.' },
    ACCOUNT_DELETION: { description: 'The person deleted their own sign-in.' },
    UNDO: { description: 'An undo of an earlier unassignment or removal.' },
    RECLAIM: { description: 'A reclaim policy took back an idle seat at the end of its grace period (undoable).' },
  },
});

registerEnumType(SeatLedgerActor, {
  name: 'SeatLedgerActor',
  description: 'Who or what made a seat ledger entry.',
  valuesConfig: {
    PERSON: { description: 'A signed-in person (`actorId`).' },
    TOKEN: { description: 'An API token (`tokenId`; `actorId` is its owner or creator).' },
    DIRECTORY: { description: "The account's directory, through SCIM." },
    SYSTEM: { description: 'Seatwise itself, e.g. a scheduled job.' },
    POLICY: { description: 'A reclaim policy, through its scheduled job (`policyId`).' },
  },
});

@ObjectType({ description: 'One line of the seat ledger: a seat assigned, unassigned or restored, or a person removed or brought back.' })
export class SeatLedgerEntry {
  @Field(() => ID, { description: 'Identifier of the entry; pass it to `undoSeatChange` as `entryId`.' })
  id!: string;

  @Field(() => ID, { description: 'The operation the entry belongs to (one per request: a bulk unassign is one action); pass it as `actionId`.' })
  actionId!: string;

  @Field(() => SeatLedgerEvent, { description: 'What happened.' })
  event!: SeatLedgerEvent;

  @Field(() => SeatLedgerReason, { description: 'The operation that did it.' })
  reason!: SeatLedgerReason;

  @Field(() => ID, { nullable: true, description: 'The person; null once they deleted their sign-in.' })
  userId!: string | null;

  @Field(() => String, { nullable: true, description: "The person's email in the account; null once they deleted their sign-in." })
  email!: string | null;

  @Field(() => ID, { nullable: true, description: 'The subscription of the seat; null for MEMBER_ events.' })
  subscriptionId!: string | null;

  @Field(() => String, { nullable: true, description: 'The subscription\'s name when it happened; null for MEMBER_ events.' })
  subscriptionName!: string | null;

  @Field(() => ID, { nullable: true, description: 'The seat (assignment id); an undo gives back this same seat. Null for MEMBER_ events.' })
  seatId!: string | null;

  @Field(() => Role, { nullable: true, description: 'For MEMBER_REMOVE: the role the person had.' })
  role!: Role | null;

  @Field(() => SeatLedgerActor, { description: 'Who or what did it.' })
  actorKind!: SeatLedgerActor;

  @Field(() => ID, { nullable: true, description: 'The person who did it (for a token, its owner or creator).' })
  actorId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The API token it was done with.' })
  tokenId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The reclaim policy that did it (actorKind POLICY).' })
  policyId!: string | null;

  @Field(() => Date, { description: 'When it happened.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When an undo reversed it (UNASSIGN and MEMBER_REMOVE only).' })
  undoneAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Until when it can be undone; null when it cannot (or no longer).' })
  undoableUntil!: Date | null;
}

export const SeatLedgerEntryConnection = connectionTypes(SeatLedgerEntry, 'SeatLedgerEntry', {
  one: 'ledger entry',
  many: 'ledger entries',
  page: "A page of the account's seat ledger, the latest first.",
  total: 'How many entries match, on all pages together.',
});
export type SeatLedgerEntryConnection = InstanceType<typeof SeatLedgerEntryConnection>;

@InputType({ description: 'Which part of the seat ledger to read.' })
export class SeatLedgerFilter {
  @Field(() => UUID, { nullable: true, description: 'Only this person\'s entries.' })
  userId?: string | null;

  @Field(() => UUID, { nullable: true, description: 'Only the entries of this action.' })
  actionId?: string | null;
}

@InputType({ description: 'What to undo: a whole action (`actionId`) or one entry (`entryId`); exactly one of them.' })
export class UndoSeatChangeInput {
  @Field(() => UUID, { nullable: true, description: 'Undo every entry of this action (a removal, a bulk unassign).' })
  actionId?: string | null;

  @Field(() => UUID, { nullable: true, description: 'Undo this one UNASSIGN or MEMBER_REMOVE entry.' })
  entryId?: string | null;
}

@ObjectType({ description: 'What an undo gave back.' })
export class UndoSeatChangeResult {
  @Field(() => ID, { description: 'The undo\'s own action (its RESTORE and MEMBER_RESTORE entries).' })
  actionId!: string;

  @Field(() => [SeatLedgerEntry], { description: 'The entries the undo wrote: seats restored, people brought back.' })
  restored!: SeatLedgerEntry[];
}

@ObjectType({ description: 'What a bulk action did to one person.' })
export class BulkUserOutcome {
  @Field(() => ID, { description: 'The person (user id).' })
  userId!: string;

  @Field(() => Boolean, { description: 'True when the action was done for this person.' })
  done!: boolean;

  @Field(() => Int, { description: 'How many things changed for this person (seats unassigned, invitations resent; 1 for a role or removal).' })
  changed!: number;

  @Field(() => String, { nullable: true, description: 'Why not, as an error code (e.g. FORBIDDEN, NOT_FOUND, NOTHING_TO_DO); null when done.' })
  code!: string | null;

  @Field(() => String, { nullable: true, description: "Why not, in the reader's language; null when done." })
  message!: string | null;
}

@ObjectType({ description: 'What a bulk action on selected people did, person by person.' })
export class BulkUsersResult {
  @Field(() => ID, { nullable: true, description: 'The seat ledger action of a bulk unassign or removal, for `undoSeatChange`; null when nothing undoable happened.' })
  actionId!: string | null;

  @Field(() => Int, { description: 'People the action was done for.' })
  done!: number;

  @Field(() => Int, { description: 'People it was not done for (see `outcomes`).' })
  refused!: number;

  @Field(() => [BulkUserOutcome], { description: 'One outcome per person, in the order given.' })
  outcomes!: BulkUserOutcome[];
}

@InputType({ description: 'Selected people (user ids), 1 to 500.' })
export class BulkUsersInput {
  @Field(() => [UUID], { description: 'The people (user ids), 1 to 500.' })
  userIds!: string[];
}

@InputType({ description: 'Take back the seats of one product from selected people.' })
export class BulkUnassignProductInput {
  @Field(() => [UUID], { description: 'The people (user ids), 1 to 500.' })
  userIds!: string[];

  @Field(() => UUID, { description: 'The product: every seat covering it (a collection\'s seat too) is unassigned.' })
  productId!: string;
}

@InputType({ description: 'Give selected people a role (User or Secondary admin; never the primary admin, to or from).' })
export class BulkChangeRoleInput {
  @Field(() => [UUID], { description: 'The people (user ids), 1 to 500.' })
  userIds!: string[];

  @Field(() => Role, { description: 'USER or SECONDARY_ADMIN.' })
  role!: Role;
}
