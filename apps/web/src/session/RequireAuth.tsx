import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { adoptViewerLanguage } from '../i18n';
import { ErrorPanel } from '../ui/ErrorPanel';
import { FullPageLoader } from '../ui/FullPageLoader';
import { MeDocument } from './session.graphql';
import { ViewerContext } from './viewer';

/** Lets signed-in people through; everyone else goes to /sign-in and comes back afterwards. */
export function RequireAuth() {
  const location = useLocation();
  const { data, error, refetch } = useQuery(MeDocument);
  const viewer = data?.me;

  useEffect(() => {
    if (viewer) adoptViewerLanguage(viewer.language);
  }, [viewer]);

  if (error && !data) return <ErrorPanel fullPage onRetry={() => void refetch()} />;
  if (!data) return <FullPageLoader />;
  if (!viewer) return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  return (
    <ViewerContext value={viewer}>
      <Outlet />
    </ViewerContext>
  );
}
