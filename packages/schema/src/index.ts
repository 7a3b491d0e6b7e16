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
export { ApiScope, apiScopeDescriptions, personalOnlyScopes } from './tokens/api-scope.enum.js';
export {
  ApiToken,
  ApiTokenConnection,
  ApiTokenEdge,
  ApiTokenKind,
  ApiTokenStatus,
  CreateApiTokenPayload,
  PersonRef,
} from './tokens/api-token.type.js';
export { ApiTokensFilter, CreateApiTokenInput } from './tokens/api-token.input.js';
