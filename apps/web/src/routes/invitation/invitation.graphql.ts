import { graphql } from '../../gql/invitation';

export const InvitationByTokenDocument = graphql(`
  query InvitationByToken($token: String!) {
    invitationByToken(token: $token) {
      email
      firstName
      accountName
      status
      needsPassword
    }
  }
`);

export const AcceptInvitationDocument = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      viewer {
        ...ViewerFields
      }
    }
  }
`);
