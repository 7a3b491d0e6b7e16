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
export {
  LicenceType,
  SubscriptionTerm,
  ProductKind,
  Platform,
  ProductFileKind,
  InstallMethod,
  InstallPackageStatus,
  LicenceRequestKind,
} from './products/product-enums.js';
export { ProductFile, DownloadLink, InstallMethodInfo, ProductDownloads } from './products/product-file.type.js';
export { ProductLicence, EntitledVersion, ProductEntitlement } from './products/entitlement.type.js';
export { Trial, TrialOffer } from './products/trial.type.js';
export { LicenceRequest, HomeUseLicenceInput, NetworkLicenceInput } from './products/licence.type.js';
export {
  InstallSettings,
  InstallPackage,
  InstallSettingsInput,
  CreateInstallPackageInput,
} from './products/install-package.type.js';
