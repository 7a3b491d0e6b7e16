// type-graphql reads the metadata API even where every type is explicit.
import 'reflect-metadata';

export { SortDirection, PageArgs, PageInfo } from './common/pagination.type.js';
export { UUID, canonicalUuid } from './common/uuid.scalar.js';
export { Account } from './accounts/account.type.js';
export { Role, MembershipStatus } from './users/role.enum.js';
export { User, type UserEdge, UserConnection, TeamRef } from './users/user.type.js';
export { UsersFilter, UsersOrder, UserSortField } from './users/users.input.js';
export { Team, TeamConnection } from './teams/team.type.js';
export { Language, Viewer, ViewerMembership, SignInInput, SignInPayload } from './identity/viewer.type.js';
export {
  TwoStepMethod,
  SecondStepCodeKind,
  TwoStepStatus,
  AuthenticatorSetup,
  SmsSetup,
  RecoveryCodes,
  StartAuthenticatorSetupInput,
  StartSmsSetupInput,
  ConfirmTwoStepInput,
  TurnOffTwoStepInput,
  RegenerateRecoveryCodesInput,
  SecondStepChallenge,
  CompleteSignInInput,
} from './identity/two-step.type.js';
export {
  PendingEmailChange,
  AccountSecurity,
  ChangeEmailInput,
  ConfirmEmailChangeInput,
  EmailChangeResult,
  DeleteOwnAccountInput,
} from './identity/account-security.type.js';
export { ServerInfo } from './server/server-info.type.js';
export { MessageChannel, OutboxFilter, OutboxMessage, type OutboxMessageEdge, OutboxMessageConnection } from './mail/outbox.type.js';
export { Profile, UpdateProfileInput } from './identity/profile.type.js';
export {
  PasswordPolicy,
  RequestPasswordResetInput,
  PasswordResetLink,
  ResetPasswordInput,
  ChangePasswordInput,
  ChangePasswordPayload,
} from './identity/password.type.js';
export { ActiveSession, type ActiveSessionEdge, ActiveSessionConnection } from './identity/session.type.js';
export {
  NotificationCategory,
  NotificationChannel,
  NotificationPreference,
  NotificationPreferenceInput,
  Settings,
  UpdateSettingsInput,
} from './identity/settings.type.js';
export {
  ProductKind,
  Platform,
  ProductFileKind,
  InstallMethod,
  InstallPackageStatus,
  LicenceRequestKind,
} from './products/product-enums.js';
export { ProductFile, ProductFileConnection, DownloadLink, InstallMethodInfo, ProductDownloads } from './products/product-file.type.js';
export { ProductLicence, EntitledVersion, ProductEntitlement } from './products/entitlement.type.js';
export { Trial, TrialConnection, TrialOffer } from './products/trial.type.js';
export { LicenceRequest, LicenceRequestConnection, LicenceRequestFilter, HomeUseLicenceInput, NetworkLicenceInput } from './products/licence.type.js';
export {
  InstallSettings,
  InstallPackage,
  InstallPackageConnection,
  InstallSettingsInput,
  CreateInstallPackageInput,
} from './products/install-package.type.js';
export { ApiScope, apiScopeName } from './tokens/api-scope.enum.js';
export {
  ApiToken,
  ApiTokenConnection,
  type ApiTokenEdge,
  ApiTokenKind,
  ApiTokenStatus,
  CreateApiTokenPayload,
  PersonRef,
} from './tokens/api-token.type.js';
export { ApiTokensFilter, CreateApiTokenInput } from './tokens/api-token.input.js';
export { CreateDirectoryTokenPayload, DirectoryGroupConnection, DirectoryGroupInfo, DirectorySettings, DirectoryToken } from './directory/directory.type.js';
export { AddSsoProviderInput, SingleSignOnSettings, SingleSignOnStart, SsoDomain, SsoProvider } from './directory/single-sign-on.type.js';
export { ChangeRoleInput, TransferPrimaryAdminInput, RemoveUserInput, MoveUsersToTeamInput } from './users/user-admin.input.js';
export {
  InvitationStatus,
  Invitation,
  InviteUserInput,
  InviteRowInput,
  InviteUsersInput,
  InviteRowResult,
  InviteFieldProblem,
  InviteUsersResult,
  InvitationPreview,
  AcceptInvitationInput,
  type InvitationEdge,
  InvitationConnection,
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
export {
  SeatLedgerActor,
  SeatLedgerEvent,
  SeatLedgerReason,
  SeatLedgerEntry,
  SeatLedgerEntryConnection,
  SeatLedgerFilter,
  UndoSeatChangeInput,
  UndoSeatChangeResult,
  BulkUserOutcome,
  BulkUsersResult,
  BulkUsersInput,
  BulkUnassignProductInput,
  BulkChangeRoleInput,
} from './seats/seat-ledger.type.js';
export {
  ReclaimAction,
  ReclaimNoticeState,
  ReclaimSignal,
  ReclaimExclusions,
  ReclaimPolicy,
  ReclaimPolicyConnection,
  ReclaimExclusionsInput,
  CreateReclaimPolicyInput,
  UpdateReclaimPolicyInput,
  SetReclaimPolicyEnabledInput,
  ReclaimCandidate,
  ReclaimDryRun,
  ReclaimMonth,
} from './seats/reclaim-policy.type.js';
export { AuditEntry, type AuditEntryEdge, AuditEntryConnection, AuditFilter } from './audit/audit.type.js';
export {
  SubscriptionStatus,
  LicenceType,
  SubscriptionTerm,
  SubscriptionSortField,
  RenewalMode,
  ChangeTiming,
  SubscriptionEventKind,
} from './subscriptions/subscription.enums.js';
export {
  ProductRef,
  SubscriptionProductLine,
  ContractRef,
  Subscription,
  Contract,
  SubscriptionEdge,
  SubscriptionConnection,
  ContractEdge,
  ContractConnection,
  SubscriptionEvent,
} from './subscriptions/subscription.type.js';
export {
  CreateContractInput,
  NewSubscriptionInput,
  ChangeSeatsInput,
  RenewSubscriptionInput,
  CancelSubscriptionInput,
  PurchaseCloudCreditsInput,
  CloudCreditPurchase,
} from './vendor/customer-contract.type.js';
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
export { CloudCreditWarningLevel, CloudCreditWarning, CloudCreditAlerts, SetCloudCreditAlertInput } from './reports/credit-alerts.types.js';
export {
  SupportCategory,
  SupportRequestStatus,
  SupportRequest,
  OpenSupportRequestInput,
  ProductRelease,
  AdminHome,
} from './home/admin-home.types.js';
export {
  VendorRole,
  VendorStaff,
  VendorStaffConnection,
  OperatorSetupLink,
  BeginOperatorSetupInput,
  CompleteOperatorSetupInput,
  OperatorSetupResult,
  CreateStaffSetupLinkInput,
  IssuedSetupLink,
} from './vendor/vendor-staff.type.js';
export { VendorAuditEntry, type VendorAuditEntryEdge, VendorAuditEntryConnection } from './vendor/vendor-audit.type.js';
export { VendorScope, vendorScopeName } from './vendor/vendor-scope.enum.js';
export {
  VendorApiToken,
  VendorApiTokenEdge,
  VendorApiTokenConnection,
  CreateVendorApiTokenPayload,
  CreateVendorApiTokenInput,
} from './vendor/vendor-token.type.js';
export { FailedDelivery, FailedDeliveryEdge, FailedDeliveryConnection } from './vendor/dead-letter.type.js';
export {
  ProductVersionStatus,
  CatalogueFile,
  FileUpload,
  CatalogueVersion,
  CatalogueProduct,
  CatalogueProductEdge,
  CatalogueProductConnection,
  CatalogueProductsFilter,
  CreateCatalogueProductInput,
  UpdateCatalogueProductInput,
  SetTrialOfferInput,
  AddProductVersionInput,
  SetProductVersionStatusInput,
  PublishProductVersionInput,
  CreateFileUploadInput,
} from './vendor/catalogue.type.js';
export {
  SupportMessageAuthor,
  SupportInboxOrder,
  SupportMessage,
  SupportThread,
  InboxSupportRequest,
  InboxSupportRequestEdge,
  InboxSupportRequestConnection,
  SupportRequestEdge,
  SupportRequestConnection,
  SupportRequestsFilter,
  SupportInboxFilter,
  InboxSupportThread,
  ReplyToSupportRequestInput,
  AddSupportMessageInput,
} from './support/support.types.js';
export { Brand, UpdateBrandInput, SetBrandLogoInput } from './brand/brand.types.js';
export {
  CustomerStatus,
  CustomerSortField,
  Customer,
  type CustomerEdge,
  CustomerConnection,
  CustomersFilter,
  CustomersOrder,
  CreateCustomerInput,
  InviteCustomerPrimaryAdminInput,
  CustomerPerson,
  type CustomerPersonEdge,
  CustomerPersonConnection,
} from './vendor/customer.type.js';
export { webhookEventNames, vendorOnlyWebhookEvents } from './client/enums.js';
export {
  WebhookEventType,
  WebhookDeliveryStatus,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
  WebhookAttempt,
  type WebhookAttemptEdge,
  WebhookAttemptConnection,
  CreateWebhookEndpointInput,
  UpdateWebhookEndpointInput,
} from './webhooks/webhook.type.js';
export {
  OAuthClient,
  OAuthClientConnection,
  CreateOAuthClientInput,
  ConnectedApp,
  ConnectedAppConnection,
  DeviceAuthorization,
  OidcInteraction,
  LicenceDevice,
  LicenceDeviceConnection,
  NetworkLease,
  NetworkSeats,
} from './oidc/oidc.type.js';
export {
  ExportFrequency,
  ExportRangeKind,
  ReportExportFormat,
  ReportExportKind,
  ScheduledRunStatus,
  ExportRecipient,
  ReportExportFilter,
  ReportExportFilterInput,
  ReportExport,
  ReportExportConnection,
  ReportExportRun,
  ReportExportRunConnection,
  ReportExportInput,
  ReportExportRunLink,
  ExportRetention,
  ScheduledTaskRun,
  ScheduledTaskRunConnection,
} from './reports/report-export.types.js';
