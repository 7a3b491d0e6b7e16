import { ApolloClient, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { currentLanguage } from './i18n';
import { MeDocument } from './session/session.graphql';

/**
 * One client for the SPA. The session lives in an httpOnly cookie, so every request carries
 * credentials; when the API says the session is gone, `me` becomes null and the route guard
 * sends the person to /sign-in.
 */
export function createApolloClient(): ApolloClient {
  const errorLink = new ErrorLink(({ error, operation }) => {
    const unauthenticated =
      CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
    if (unauthenticated && operation.operationName !== 'SignIn') {
      client.cache.writeQuery({ query: MeDocument, data: { me: null } });
    }
  });

  const client = new ApolloClient({
    // The API writes its error messages in the language it is asked for: the UI's, not the browser's.
    link: errorLink.concat(
      new HttpLink({
        uri: '/graphql',
        credentials: 'include',
        fetch: (input, init) => {
          const headers = new Headers(init?.headers);
          headers.set('accept-language', currentLanguage());
          return fetch(input, { ...init, headers });
        },
      }),
    ),
    cache: new InMemoryCache({
      typePolicies: {
        // Pages of users are separate queries (cursor stack), not one merged list.
        Query: { fields: { users: { keyArgs: ['first', 'after', 'filter', 'orderBy'] } } },
        // A Seat Usage report has no id: its figures and its products come from two queries of the
        // same field, whose fields are merged instead of one replacing the other.
        SeatUsageReport: { merge: true },
      },
    }),
  });
  return client;
}
