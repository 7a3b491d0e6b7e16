import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { loadAllStrings } from './i18n';
import { FullPageLoader } from './ui/FullPageLoader';

/**
 * A route's code, its documents and Mantine's component styles load when it is first matched; the
 * router fetches the shell's and the screen's chunks side by side and keeps the current screen up
 * until the next one is there. The first load is only React, the router, i18n and Mantine's theme;
 * a signed-in screen also brings every area's strings (loadAllStrings).
 */
function screen<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  return async () => {
    const [module] = await Promise.all([load(), import('./ui/screenStyles'), loadAllStrings()]);
    return { Component: module[name] };
  };
}

/**
 * A page before sign-in: only the styles of the components those pages use (publicScreenStyles.ts)
 * and the strings of their areas, which the first load already has (firstAreas in i18n/resources.ts).
 */
function publicScreen<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  return async () => {
    const [module] = await Promise.all([load(), import('./ui/publicScreenStyles')]);
    return { Component: module[name] };
  };
}

function PlaygroundLoader() {
  const { t } = useTranslation();
  return <FullPageLoader label={t('playground.loading')} />;
}

const playground = {
  lazy: screen(() => import('./routes/playground/PlaygroundPage'), 'default'),
  hydrateFallbackElement: <PlaygroundLoader />,
};

const router = createBrowserRouter([
  {
    lazy: async () => ({ Component: (await import('./ApolloRoot')).ApolloRoot }),
    hydrateFallbackElement: <FullPageLoader />,
    children: [
      { path: '/sign-in', lazy: publicScreen(() => import('./routes/sign-in/SignInPage'), 'SignInPage') },
      { path: '/forgot-password', lazy: publicScreen(() => import('./routes/password/ForgotPasswordPage'), 'ForgotPasswordPage') },
      { path: '/reset-password', lazy: publicScreen(() => import('./routes/password/ResetPasswordPage'), 'ResetPasswordPage') },
      { path: '/outbox', lazy: publicScreen(() => import('./routes/outbox/OutboxPage'), 'OutboxPage') },
      { path: '/confirm-email', lazy: publicScreen(() => import('./routes/confirm-email/ConfirmEmailPage'), 'ConfirmEmailPage') },
      { path: '/invitation', lazy: publicScreen(() => import('./routes/invitation/AcceptInvitationPage'), 'AcceptInvitationPage') },
      { path: '/setup/:token', lazy: screen(() => import('./routes/setup/SetupPage'), 'SetupPage') },
      // The Vendor console: its own frame and navigation, for the vendor's staff only.
      {
        path: '/vendor',
        lazy: screen(() => import('./routes/vendor/VendorLayout'), 'VendorLayout'),
        children: [
          { index: true, lazy: screen(() => import('./routes/vendor/CustomersPage'), 'CustomersPage') },
          { path: 'customers/:id', lazy: screen(() => import('./routes/vendor/CustomerPage'), 'CustomerPage') },
          { path: 'catalogue', lazy: screen(() => import('./routes/vendor/CataloguePage'), 'CataloguePage') },
          { path: 'catalogue/:id', lazy: screen(() => import('./routes/vendor/CatalogueProductPage'), 'CatalogueProductPage') },
          { path: 'audit', lazy: screen(() => import('./routes/vendor/VendorAuditPage'), 'VendorAuditPage') },
          { path: 'staff', lazy: screen(() => import('./routes/vendor/StaffPage'), 'StaffPage') },
          { path: 'tokens', lazy: screen(() => import('./routes/vendor/VendorTokensPage'), 'VendorTokensPage') },
          { path: 'webhooks', lazy: screen(() => import('./routes/vendor/VendorWebhooksPage'), 'VendorWebhooksPage') },
          { path: 'oauth-clients', lazy: screen(() => import('./routes/vendor/OAuthClientsPage'), 'OAuthClientsPage') },
          { path: 'support', lazy: screen(() => import('./routes/vendor/SupportInboxPage'), 'SupportInboxPage') },
          { path: 'support/:id', lazy: screen(() => import('./routes/vendor/SupportRequestPage'), 'SupportRequestPage') },
          { path: 'brand', lazy: screen(() => import('./routes/vendor/BrandPage'), 'BrandPage') },
        ],
      },
      // The API sends browsers asking for /graphql here; the playground signs nobody in by itself.
      { path: '/graphql', ...playground },
      { path: '/playground', ...playground },
      {
        lazy: async () => ({ Component: (await import('./session/RequireAuth')).RequireAuth }),
        children: [
          {
            lazy: screen(() => import('./ui/AppLayout'), 'AppLayout'),
            children: [
              { index: true, lazy: screen(() => import('./routes/home/StartPage'), 'StartPage') },
              { path: 'profile', lazy: screen(() => import('./routes/profile/ProfilePage'), 'ProfilePage') },
              { path: 'profile/:tab', lazy: screen(() => import('./routes/profile/ProfilePage'), 'ProfilePage') },
              { path: 'products', lazy: screen(() => import('./routes/products/AllProductsPage'), 'AllProductsPage') },
              { path: 'products/downloads', lazy: screen(() => import('./routes/products/ViewDownloadsPage'), 'ViewDownloadsPage') },
              { path: 'products/updates', lazy: screen(() => import('./routes/products/ProductUpdatesPage'), 'ProductUpdatesPage') },
              { path: 'products/packages', lazy: screen(() => import('./routes/products/InstallPackagesPage'), 'InstallPackagesPage') },
              { path: 'products/trials', lazy: screen(() => import('./routes/products/TrialsPage'), 'TrialsPage') },
              { path: 'device', lazy: screen(() => import('./routes/connect/DevicePage'), 'DevicePage') },
              { path: 'connect/:uid', lazy: screen(() => import('./routes/connect/ConnectPage'), 'ConnectPage') },
              { path: 'developer/tokens', lazy: screen(() => import('./routes/developer/ApiTokensPage'), 'ApiTokensPage') },
              {
                lazy: async () => ({ Component: (await import('./session/AdminOnly')).AdminOnly }),
                children: [
                  { path: 'users', lazy: screen(() => import('./routes/users/UsersPage'), 'UsersPage') },
                  { path: 'developer/webhooks', lazy: screen(() => import('./routes/developer/WebhooksPage'), 'WebhooksPage') },
                  { path: 'users/import', lazy: screen(() => import('./routes/users/import/ImportPage'), 'ImportPage') },
                  { path: 'users/invitations', lazy: screen(() => import('./routes/users/InvitationsPage'), 'InvitationsPage') },
                  { path: 'users/teams', lazy: screen(() => import('./routes/teams/TeamsPage'), 'TeamsPage') },
                  { path: 'users/reclaim-policies', lazy: screen(() => import('./routes/reclaim/ReclaimPoliciesPage'), 'ReclaimPoliciesPage') },
                  { path: 'users/:id', lazy: screen(() => import('./routes/users/UserDetailsPage'), 'UserDetailsPage') },
                  { path: 'audit', lazy: screen(() => import('./routes/audit/AuditPage'), 'AuditPage') },
                  { path: 'directory', lazy: screen(() => import('./routes/directory/DirectoryPage'), 'DirectoryPage') },
                  { path: 'support', lazy: screen(() => import('./routes/home/SupportRequestsPage'), 'SupportRequestsPage') },
                  { path: 'support/:id', lazy: screen(() => import('./routes/home/SupportThreadPage'), 'SupportThreadPage') },
                  { path: 'reports/insights', lazy: screen(() => import('./routes/reports/InsightsPage'), 'InsightsPage') },
                  { path: 'reports/seat-usage', lazy: screen(() => import('./routes/reports/SeatUsagePage'), 'SeatUsagePage') },
                  { path: 'reports/scheduled-exports', lazy: screen(() => import('./routes/reports/ScheduledExportsPage'), 'ScheduledExportsPage') },
                  {
                    path: 'reports/cloud-services-usage',
                    lazy: screen(() => import('./routes/reports/CloudUsagePage'), 'CloudUsagePage'),
                  },
                  { path: 'subscriptions', lazy: screen(() => import('./routes/subscriptions/SubscriptionsPage'), 'SubscriptionsPage') },
                  { path: 'subscriptions/:id/network-seats', lazy: screen(() => import('./routes/subscriptions/NetworkSeatsPage'), 'NetworkSeatsPage') },
                  { path: 'subscriptions/contracts/:id', lazy: screen(() => import('./routes/subscriptions/ContractPage'), 'ContractPage') },
                ],
              },
              {
                path: '*',
                lazy: async () => {
                  const { MessagePage } = await import('./ui/MessagePage');
                  return { element: <MessagePage titleKey="pages.notFoundTitle" textKey="pages.notFoundText" /> };
                },
              },
            ],
          },
        ],
      },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
