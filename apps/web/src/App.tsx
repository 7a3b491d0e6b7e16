import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { HomePage } from './routes/home/HomePage';
import { CloudUsagePage } from './routes/reports/CloudUsagePage';
import { InsightsPage } from './routes/reports/InsightsPage';
import { SeatUsagePage } from './routes/reports/SeatUsagePage';
import { SignInPage } from './routes/sign-in/SignInPage';
import { ContractPage } from './routes/subscriptions/ContractPage';
import { SubscriptionsPage } from './routes/subscriptions/SubscriptionsPage';
import { UsersPage } from './routes/users/UsersPage';
import { AdminOnly } from './session/AdminOnly';
import { RequireAuth } from './session/RequireAuth';
import { isAdmin, useViewer } from './session/viewer';
import { AppLayout } from './ui/AppLayout';
import { FullPageLoader } from './ui/FullPageLoader';
import { MessagePage } from './ui/MessagePage';
import { PlaceholderPage } from './ui/PlaceholderPage';

const PlaygroundPage = lazy(() => import('./routes/playground/PlaygroundPage'));

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
          { path: 'products', element: <PlaceholderPage titleKey="nav.allProducts" /> },
          { path: 'products/updates', element: <PlaceholderPage titleKey="nav.productUpdates" /> },
          { path: 'profile', element: <PlaceholderPage titleKey="nav.profile" /> },
          {
            element: <AdminOnly />,
            children: [
              { path: 'users', element: <UsersPage /> },
              { path: 'reports/insights', element: <InsightsPage /> },
              { path: 'reports/seat-usage', element: <SeatUsagePage /> },
              { path: 'reports/cloud-services-usage', element: <CloudUsagePage /> },
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
