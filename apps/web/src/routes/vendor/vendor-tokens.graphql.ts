import { graphql } from '../../gql/vendor';

export const VendorTokenRowFragment = graphql(`
  fragment VendorTokenRow on VendorApiToken {
    id
    name
    prefix
    scopes
    status
    createdBy {
      id
      name
    }
    createdAt
    expiresAt
    lastUsedAt
  }
`);

export const VendorApiTokensDocument = graphql(`
  query VendorApiTokens($first: Int!, $after: String) {
    vendorApiTokens(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...VendorTokenRow
        }
      }
    }
  }
`);

export const CreateVendorApiTokenDocument = graphql(`
  mutation CreateVendorApiToken($input: CreateVendorApiTokenInput!) {
    createVendorApiToken(input: $input) {
      secret
      token {
        ...VendorTokenRow
      }
    }
  }
`);

export const RevokeVendorApiTokenDocument = graphql(`
  mutation RevokeVendorApiToken($id: UUID!) {
    revokeVendorApiToken(id: $id) {
      ...VendorTokenRow
    }
  }
`);
