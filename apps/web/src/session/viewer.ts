import { createContext, useContext } from 'react';
import type { ViewerFieldsFragment } from '../gql/graphql';

export type Viewer = ViewerFieldsFragment;

export const ViewerContext = createContext<Viewer | null>(null);

/** The signed-in person; only for screens under the signed-in routes. */
export function useViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useViewer needs a signed-in route');
  return viewer;
}

export function isAdmin(viewer: Pick<Viewer, 'role'>): boolean {
  return viewer.role === 'PRIMARY_ADMIN' || viewer.role === 'SECONDARY_ADMIN';
}
