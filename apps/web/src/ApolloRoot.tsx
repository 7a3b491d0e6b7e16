import { ApolloProvider } from '@apollo/client/react';
import { Outlet } from 'react-router';
import { createApolloClient } from './apollo';
import { MeDocument } from './session/session.graphql';
import { SkipLink } from './ui/SkipLink';

const client = createApolloClient();
// Every screen asks who is signed in before it draws: asked here, it travels beside the screen's
// chunks instead of after them (the screen's own query joins this one).
void client.query({ query: MeDocument }).catch(() => {});

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
