import { ReportExportsResolver } from '../modules/exports/report-exports.resolver.js';
import { ScheduledTasksResolver } from '../modules/vendor/scheduled-tasks.resolver.js';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type AuthChecker } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { AccountSecurityResolver } from '../modules/identity/account-security/account-security.resolver.js';
import { AuditResolver } from '../modules/audit/audit.resolver.js';
import { IdentityResolver } from '../modules/identity/identity.resolver.js';
import { TwoStepResolver } from '../modules/identity/two-step/two-step.resolver.js';
import { PasswordResolver } from '../modules/identity/password.resolver.js';
import { ProfileResolver } from '../modules/identity/profile.resolver.js';
import { SessionsResolver } from '../modules/identity/sessions.resolver.js';
import { AccountSwitchResolver } from '../modules/identity/account-switch.resolver.js';
import { ViewerResolver } from '../modules/identity/viewer.resolver.js';
import { OutboxResolver } from '../modules/mail/outbox.resolver.js';
import { AdminHomeResolver } from '../modules/home/admin-home.resolver.js';
import { ReportsResolver } from '../modules/reports/reports.resolver.js';
import { CreditAlertsResolver } from '../modules/usage/credit-alerts.resolver.js';
import { SeatsResolver } from '../modules/subscriptions/seats.resolver.js';
import { ServerResolver } from '../modules/server/server.resolver.js';
import { SubscriptionsResolver } from '../modules/subscriptions/subscriptions.resolver.js';
import { TeamsResolver } from '../modules/teams/teams.resolver.js';
import { TokensResolver } from '../modules/tokens/tokens.resolver.js';
import { DirectoryResolver } from '../modules/directory/directory.resolver.js';
import { SingleSignOnResolver } from '../modules/directory/single-sign-on.resolver.js';
import { UserImportResolver } from '../modules/users/import/import.resolver.js';
import { InvitationsResolver } from '../modules/users/invitations.resolver.js';
import { UserAdminResolver } from '../modules/users/user-admin.resolver.js';
import { BulkUsersResolver } from '../modules/users/bulk-users.resolver.js';
import { ReclaimResolver } from '../modules/reclaim/reclaim.resolver.js';
import { UsersResolver } from '../modules/users/users.resolver.js';
import { LicensingResolver } from '../modules/licensing/licensing.resolver.js';
import { NetworkLeasesResolver } from '../modules/licensing/network-leases.resolver.js';
import { InstallPackagesResolver } from '../modules/products/install-packages.resolver.js';
import { ProductsResolver } from '../modules/products/products.resolver.js';
import { TrialsResolver } from '../modules/products/trials.resolver.js';
import { VendorResolver } from '../modules/vendor/vendor.resolver.js';
import { CatalogueResolver } from '../modules/vendor/catalogue.resolver.js';
import { VendorTokensResolver } from '../modules/vendor/vendor-tokens.resolver.js';
import { ConnectedAppsResolver } from '../modules/oidc/connected-apps.resolver.js';
import { DevicesResolver } from '../modules/oidc/devices.resolver.js';
import { OAuthClientsResolver } from '../modules/oidc/oauth-clients.resolver.js';
import { DeadLetterResolver } from '../modules/vendor/dead-letter.resolver.js';
import { BrandResolver } from '../modules/brand/brand.resolver.js';
import { WebhooksResolver } from '../modules/webhooks/webhooks.resolver.js';
import { VendorWebhooksResolver } from '../modules/vendor/vendor-webhooks.resolver.js';
import { assertPermitted, type PermissionDef } from './permissions.js';

export const resolvers = [
  ReportExportsResolver,
  ScheduledTasksResolver,
  WebhooksResolver,
  CreditAlertsResolver,
  VendorWebhooksResolver,
  ServerResolver,
  IdentityResolver,
  UsersResolver,
  TeamsResolver,
  OutboxResolver,
  TwoStepResolver,
  AccountSecurityResolver,
  PasswordResolver,
  ProfileResolver,
  SessionsResolver,
  AccountSwitchResolver,
  ViewerResolver,
  ProductsResolver,
  InstallPackagesResolver,
  LicensingResolver,
  NetworkLeasesResolver,
  TrialsResolver,
  TokensResolver,
  DirectoryResolver,
  SingleSignOnResolver,
  SeatsResolver,
  UserAdminResolver,
  BulkUsersResolver,
  ReclaimResolver,
  InvitationsResolver,
  UserImportResolver,
  AuditResolver,
  AdminHomeResolver,
  SubscriptionsResolver,
  ReportsResolver,
  VendorResolver,
  CatalogueResolver,
  VendorTokensResolver,
  OAuthClientsResolver,
  ConnectedAppsResolver,
  DevicesResolver,
  DeadLetterResolver,
  BrandResolver,
] as const;

/**
 * Checks the role half of the operation's one permission (`@Allow` in `permissions.ts`); an API
 * token's half, its scopes, was checked before execution (`accessPlugin` in `access.ts`).
 */
const authChecker: AuthChecker<RequestContext, PermissionDef> = ({ context }, permissions) => {
  for (const permission of permissions) assertPermitted(permission, context);
  return true;
};

export function buildGraphqlSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers, authChecker, validate: false });
}
