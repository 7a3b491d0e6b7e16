import { graphql } from '../../gql/users';

export const InvitationsDocument = graphql(`
  query Invitations($first: Int, $after: String) {
    invitations(first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          id
          userId
          email
          firstName
          lastName
          role
          status
          sentAt
          expiresAt
          team {
            id
            name
          }
        }
      }
    }
  }
`);

export const ResendInvitationDocument = graphql(`
  mutation ResendInvitation($id: UUID!) {
    resendInvitation(id: $id) {
      id
      status
      expiresAt
    }
  }
`);

export const RevokeInvitationDocument = graphql(`
  mutation RevokeInvitation($id: UUID!) {
    revokeInvitation(id: $id) {
      id
      status
    }
  }
`);
