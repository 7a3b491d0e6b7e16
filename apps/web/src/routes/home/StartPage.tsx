import { Navigate } from 'react-router';
import { isAdmin, useViewer } from '../../session/viewer';
import { HomePage } from './HomePage';

/** Admins land on Account management; a person with the User role on their profile (F-04). */
export function StartPage() {
  const viewer = useViewer();
  return isAdmin(viewer) ? <HomePage /> : <Navigate to="/profile" replace />;
}
