import { Account } from '../modules/accounts/account.entity.js';
import { FileUploadRow } from '../modules/vendor/file-upload.entity.js';
import { AuditEntry } from '../modules/audit/audit-entry.entity.js';
import { Product } from '../modules/catalog/product.entity.js';
import { ProductVersion } from '../modules/catalog/product-version.entity.js';
import { EmailChange } from '../modules/identity/account-security/email-change.entity.js';
import { NotificationPreference } from '../modules/identity/notification-preference.entity.js';
import { NotificationSent } from '../modules/notifications/notification-sent.entity.js';
import { PasswordResetToken } from '../modules/identity/password-reset-token.entity.js';
import { RateLimitCounter } from '../modules/identity/rate-limit.entity.js';
import { Session } from '../modules/identity/session.entity.js';
import { RecoveryCode } from '../modules/identity/two-step/recovery-code.entity.js';
import { SignInChallenge } from '../modules/identity/two-step/sign-in-challenge.entity.js';
import { TwoStepFactor } from '../modules/identity/two-step/two-step-factor.entity.js';
import { User } from '../modules/identity/user.entity.js';
import { SeatAssignment } from '../modules/subscriptions/seat-assignment.entity.js';
import { SeatLedgerEntry } from '../modules/subscriptions/seat-ledger.entity.js';
import { ReclaimNotice } from '../modules/reclaim/reclaim-notice.entity.js';
import { ReclaimPolicy } from '../modules/reclaim/reclaim-policy.entity.js';
import { Contract } from '../modules/subscriptions/contract.entity.js';
import { Subscription } from '../modules/subscriptions/subscription.entity.js';
import { SubscriptionProduct } from '../modules/subscriptions/subscription-product.entity.js';
import { SubscriptionEventRow } from '../modules/subscriptions/subscription-event.entity.js';
import { Team } from '../modules/teams/team.entity.js';
import { ApiToken } from '../modules/tokens/api-token.entity.js';
import { CloudCreditEntry } from '../modules/usage/cloud-credit-entry.entity.js';
import { ProductDay } from '../modules/usage/product-day.entity.js';
import { RollupRow } from '../modules/usage/rollup-row.entity.js';
import { SeatMonth } from '../modules/usage/seat-month.entity.js';
import { UsageDay } from '../modules/usage/usage-day.entity.js';
import { UsageLast } from '../modules/usage/usage-last.entity.js';
import { UsageMonth } from '../modules/usage/usage-month.entity.js';
import { UsageEvent } from '../modules/usage/usage-event.entity.js';
import { SupportRequest } from '../modules/support/support-request.entity.js';
import { SupportMessage } from '../modules/support/support-message.entity.js';
import { BrandSettings } from '../modules/brand/brand.entity.js';
import { Invitation } from '../modules/users/invitation.entity.js';
import { Membership } from '../modules/users/membership.entity.js';
import { ProductFile } from '../modules/downloads/product-file.entity.js';
import { Job } from '../modules/jobs/job.entity.js';
import { EventDelivery } from '../modules/jobs/event-delivery.entity.js';
import { JobSchedule } from '../modules/jobs/job-schedule.entity.js';
import { JobScheduleRun } from '../modules/jobs/job-schedule-run.entity.js';
import { ReportExportRow } from '../modules/exports/report-export.entity.js';
import { ReportExportRunRow } from '../modules/exports/report-export-run.entity.js';
import { LicenceRequest } from '../modules/licensing/licence-request.entity.js';
import { NetworkLease } from '../modules/licensing/network-lease.entity.js';
import { InstallPackage } from '../modules/products/install-package.entity.js';
import { Trial } from '../modules/products/trial.entity.js';
import { TenantEntity } from '../modules/accounts/tenant.entity.js';
import { SetupLink } from '../modules/vendor/setup-link.entity.js';
import { StaffSession } from '../modules/identity/staff/staff-session.entity.js';
import { VendorAuditEntryRow } from '../modules/vendor/vendor-audit-entry.entity.js';
import { VendorApiTokenRow } from '../modules/vendor/vendor-api-token.entity.js';
import { IdempotencyKey } from '../modules/idempotency/idempotency-key.entity.js';
import { VendorStaffMember } from '../modules/identity/staff/vendor-staff.entity.js';
import { DirectoryToken } from '../modules/directory/directory-token.entity.js';
import { DirectoryPerson } from '../modules/directory/directory-person.entity.js';
import { DirectoryGroup, DirectoryGroupMember } from '../modules/directory/directory-group.entity.js';
import { SsoDomain, SsoIdentity, SsoProvider, SsoSignIn } from '../modules/directory/sso-provider.entity.js';
import { OAuthClient } from '../modules/oidc/oauth-client.entity.js';
import { OidcModel } from '../modules/oidc/oidc-model.entity.js';
import { SigningKey } from '../modules/oidc/signing-key.entity.js';
import { LicenceDevice } from '../modules/oidc/licence-device.entity.js';
import { BaseEntity } from './base.entity.js';

/** Every entity, listed once: no folder scanning, so the compiled and the TypeScript build agree. */
import { WebhookEndpointRow } from '../modules/webhooks/webhook-endpoint.entity.js';
import { WebhookDeliveryRow } from '../modules/webhooks/webhook-delivery.entity.js';
import { WebhookAttemptRow } from '../modules/webhooks/webhook-attempt.entity.js';
export const entities = [
  BaseEntity,
  TenantEntity,
  Account,
  User,
  Session,
  Membership,
  Invitation,
  Team,
  Product,
  ProductVersion,
  Contract,
  Subscription,
  SubscriptionProduct,
  SubscriptionEventRow,
  SeatAssignment,
  SeatLedgerEntry,
  ReclaimPolicy,
  ReclaimNotice,
  UsageEvent,
  UsageDay,
  RollupRow,
  UsageMonth,
  SeatMonth,
  UsageLast,
  ProductDay,
  SupportRequest,
  SupportMessage,
  BrandSettings,
  CloudCreditEntry,
  AuditEntry,
  TwoStepFactor,
  RecoveryCode,
  SignInChallenge,
  EmailChange,
  PasswordResetToken,
  NotificationPreference,
  NotificationSent,
  RateLimitCounter,
  ProductFile,
  Trial,
  LicenceRequest,
  NetworkLease,
  Job,
  EventDelivery,
  JobSchedule,
  JobScheduleRun,
  ReportExportRow,
  ReportExportRunRow,
  InstallPackage,
  ApiToken,
  VendorStaffMember,
  StaffSession,
  SetupLink,
  VendorAuditEntryRow,
  FileUploadRow,
  VendorApiTokenRow,
  IdempotencyKey,
  WebhookEndpointRow,
  WebhookDeliveryRow,
  WebhookAttemptRow,
  DirectoryToken,
  DirectoryPerson,
  DirectoryGroup,
  DirectoryGroupMember,
  SsoProvider,
  SsoDomain,
  SsoIdentity,
  SsoSignIn,
  OAuthClient,
  OidcModel,
  SigningKey,
  LicenceDevice,
];
