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
export { SubscriptionStatus, LicenceType, SubscriptionTerm, SubscriptionSortField } from './subscriptions/subscription.enums.js';
export { ProductRef, SubscriptionProductLine, ContractRef, Subscription, Contract } from './subscriptions/subscription.type.js';
export { SubscriptionsFilter, SubscriptionsOrder } from './subscriptions/subscriptions.input.js';
export {
  DateRangeInput,
  ReportUser,
  SubscriptionRef,
  SeatDistribution,
  UsageTrendPoint,
  SeatUsageByProduct,
  SeatUsageReport,
  SeatUsageByUser,
  SeatUsageByUserPage,
} from './reports/report.types.js';
export { SeatUsageSortField } from './reports/report.enums.js';
export { SeatUsageOrder, SeatUsageFilter } from './reports/report.inputs.js';
export {
  CloudCreditBalance,
  CloudUsagePoint,
  CloudServiceUsage,
  CloudServicesUsage,
  ServiceCredits,
  CloudUsageByUser,
} from './reports/cloud-usage.types.js';
export {
  SupportRequestStatus,
  SupportRequest,
  OpenSupportRequestInput,
  ProductRelease,
  AdminHome,
  UnassignSeatPayload,
} from './home/admin-home.types.js';
