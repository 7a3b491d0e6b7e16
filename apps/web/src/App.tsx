import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { ConfirmEmailPage } from './routes/confirm-email/ConfirmEmailPage';
import { AuditPage } from './routes/audit/AuditPage';
import { AcceptInvitationPage } from './routes/invitation/AcceptInvitationPage';
import { OutboxPage } from './routes/outbox/OutboxPage';
import { ApiTokensPage } from './routes/developer/ApiTokensPage';
import { ForgotPasswordPage } from './routes/password/ForgotPasswordPage';
import { ResetPasswordPage } from './routes/password/ResetPasswordPage';
import { ProfilePage } from './routes/profile/ProfilePage';
import { AllProductsPage } from './routes/products/AllProductsPage';
import { InstallPackagesPage } from './routes/products/InstallPackagesPage';
import { ProductUpdatesPage } from './routes/products/ProductUpdatesPage';
import { TrialsPage } from './routes/products/TrialsPage';
import { ViewDownloadsPage } from './routes/products/ViewDownloadsPage';
import { SignInPage } from './routes/sign-in/SignInPage';
import { TeamsPage } from './routes/teams/TeamsPage';
import { ImportPage } from './routes/users/import/ImportPage';
import { InvitationsPage } from './routes/users/InvitationsPage';
import { UserDetailsPage } from './routes/users/UserDetailsPage';
import { HomePage } from './routes/home/HomePage';
import { ContractPage } from './routes/subscriptions/ContractPage';
import { SubscriptionsPage } from './routes/subscriptions/SubscriptionsPage';
import { UsersPage } from './routes/users/UsersPage';
import { AdminOnly } from './session/AdminOnly';
import { RequireAuth } from './session/RequireAuth';
import { isAdmin, useViewer } from './session/viewer';
import { AppLayout } from './ui/AppLayout';
import { FullPageLoader } from './ui/FullPageLoader';
import { MessagePage } from './ui/MessagePage';
import { TableSkeleton } from './ui/TableSkeleton';

const PlaygroundPage = lazy(() => import('./routes/playground/PlaygroundPage'));
// The charts library is large: the reports load it when first opened.
const InsightsPage = lazy(() => import('./routes/reports/InsightsPage').then((module) => ({ default: module.InsightsPage })));
const SeatUsagePage = lazy(() => import('./routes/reports/SeatUsagePage').then((module) => ({ default: module.SeatUsagePage })));
const CloudUsagePage = lazy(() => import('./routes/reports/CloudUsagePage').then((module) => ({ default: module.CloudUsagePage })));

function Report({ children }: { children: ReactNode }) {
  return <Suspense fallback={<TableSkeleton />}>{children}</Suspense>;
}

function Playground() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<FullPageLoader label={t('playground.loading')} />}>
      <PlaygroundPage />
    </Suspense>
  );
}

/** Admins land on Account management; a person with the User role on their profile (F-04). */
function StartPage() {
  const viewer = useViewer();
  return isAdmin(viewer) ? <HomePage /> : <Navigate to="/profile" replace />;
}

const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/forgot-password', element: <ForgotPasswordPage /> },
  { path: '/reset-password', element: <ResetPasswordPage /> },
  { path: '/outbox', element: <OutboxPage /> },
  { path: '/confirm-email', element: <ConfirmEmailPage /> },
  { path: '/invitation', element: <AcceptInvitationPage /> },
  // The API sends browsers asking for /graphql here; the playground signs nobody in by itself.
  { path: '/graphql', element: <Playground /> },
  { path: '/playground', element: <Playground /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <StartPage /> },
          { path: 'profile', element: <ProfilePage /> },
          { path: 'profile/:tab', element: <ProfilePage /> },
          { path: 'products', element: <AllProductsPage /> },
          { path: 'products/downloads', element: <ViewDownloadsPage /> },
          { path: 'products/updates', element: <ProductUpdatesPage /> },
          { path: 'products/packages', element: <InstallPackagesPage /> },
          { path: 'products/trials', element: <TrialsPage /> },
          { path: 'developer/tokens', element: <ApiTokensPage /> },
          {
            element: <AdminOnly />,
            children: [
              { path: 'users', element: <UsersPage /> },
              { path: 'users/import', element: <ImportPage /> },
              { path: 'users/invitations', element: <InvitationsPage /> },
              { path: 'users/teams', element: <TeamsPage /> },
              { path: 'users/:id', element: <UserDetailsPage /> },
              { path: 'audit', element: <AuditPage /> },
              { path: 'reports/insights', element: <Report><InsightsPage /></Report> },
              { path: 'reports/seat-usage', element: <Report><SeatUsagePage /></Report> },
              { path: 'reports/cloud-services-usage', element: <Report><CloudUsagePage /></Report> },
              { path: 'subscriptions', element: <SubscriptionsPage /> },
              { path: 'subscriptions/contracts/:id', element: <ContractPage /> },
            ],
          },
          { path: '*', element: <MessagePage titleKey="pages.notFoundTitle" textKey="pages.notFoundText" /> },
        ],
      },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
