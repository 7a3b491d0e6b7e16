import { graphql } from '../../gql/vendor';

export const OAuthClientsDocument = graphql(`
  query OAuthClients($first: Int, $after: String) {
    oauthClients(first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          id
          clientId
          name
          redirectUris
          createdAt
        }
      }
    }
  }
`);

export const CreateOAuthClientDocument = graphql(`
  mutation CreateOAuthClient($input: CreateOAuthClientInput!) {
    createOAuthClient(input: $input) {
      id
      clientId
    }
  }
`);

export const DeleteOAuthClientDocument = graphql(`
  mutation DeleteOAuthClient($id: UUID!) {
    deleteOAuthClient(id: $id)
  }
`);
