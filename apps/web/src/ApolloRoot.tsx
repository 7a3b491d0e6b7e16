import { ApolloProvider } from '@apollo/client/react';
import { Outlet } from 'react-router';
import { createApolloClient } from './apollo';
import { SkipLink } from './ui/SkipLink';

const client = createApolloClient();

/**
 * The root route: every screen reaches the API through this one client. It is a route of its own
 * so the data layer loads beside the first screen's chunk instead of inside the entry.
 */
export function ApolloRoot() {
  return (
    <ApolloProvider client={client}>
      <SkipLink />
      <Outlet />
    </ApolloProvider>
  );
}
