// type-graphql reads the metadata API even where every type is explicit.
import 'reflect-metadata';

export { SortDirection, PageInfo } from './common/pagination.type.js';
export { Account } from './accounts/account.type.js';
export { Role, MembershipStatus } from './users/role.enum.js';
export { User, UserEdge, UserConnection, TeamRef } from './users/user.type.js';
export { UsersFilter, UsersOrder, UserSortField } from './users/users.input.js';
export { Team } from './teams/team.type.js';
export { Language, Viewer, SignInInput, SignInPayload } from './identity/viewer.type.js';
export { ServerInfo } from './server/server-info.type.js';
export { MessageChannel, OutboxMessage } from './mail/outbox.type.js';
export { ChangeRoleInput, TransferPrimaryAdminInput, RemoveUserInput, MoveUsersToTeamInput } from './users/user-admin.input.js';
export {
  InvitationStatus,
  Invitation,
  InviteUserInput,
  InviteRowInput,
  InviteUsersInput,
  InviteRowResult,
  InviteUsersResult,
  InvitationPreview,
  AcceptInvitationInput,
} from './users/invitation.type.js';
export { ImportRowReason, ImportRowStatus, UserImportInput, UserImportRow, UserImportReport } from './users/import.type.js';
export { CreateTeamInput, RenameTeamInput, DeleteTeamInput, MoveSubscriptionsToTeamInput } from './teams/team.input.js';
export {
  AssignableSubscription,
  Seat,
  AssignSeatInput,
  UnassignSeatInput,
  BulkAssignSeatsInput,
  BulkAssignSeatsResult,
} from './seats/seat.type.js';
export { AuditEntry, AuditEntryEdge, AuditEntryConnection, AuditFilter } from './audit/audit.type.js';
