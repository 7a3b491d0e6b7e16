import { Outlet } from 'react-router';
import { MessagePage } from '../ui/MessagePage';
import { isAdmin, useViewer } from './viewer';

/** Admin screens: a person with the User role gets an explanation instead of the screen. */
export function AdminOnly() {
  const viewer = useViewer();
  if (!isAdmin(viewer)) return <MessagePage titleKey="pages.notAllowedTitle" textKey="pages.notAllowedText" />;
  return <Outlet />;
}
