import { graphql } from '../../gql/developer';

export const ApiTokenRowFragment = graphql(`
  fragment ApiTokenRow on ApiToken {
    id
    kind
    name
    prefix
    scopes
    status
    owner {
      id
      name
    }
    createdBy {
      id
      name
    }
    createdAt
    expiresAt
    lastUsedAt
    revokedAt
  }
`);

export const ApiTokensPageDocument = graphql(`
  query ApiTokensPage($first: Int!, $after: String, $filter: ApiTokensFilter) {
    apiTokens(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          ...ApiTokenRow
        }
      }
    }
  }
`);

export const CreateApiTokenDocument = graphql(`
  mutation CreateApiTokenFromSettings($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      secret
      token {
        ...ApiTokenRow
      }
    }
  }
`);

export const RevokeApiTokenDocument = graphql(`
  mutation RevokeApiTokenFromSettings($id: UUID!) {
    revokeApiToken(id: $id) {
      ...ApiTokenRow
    }
  }
`);
