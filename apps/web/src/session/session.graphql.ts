import { graphql } from '../gql/session';

export const ViewerFieldsFragment = graphql(`
  fragment ViewerFields on Viewer {
    id
    email
    firstName
    lastName
    role
    language
    account {
      id
      name
    }
    memberships {
      current
      role
      account {
        id
        name
      }
    }
  }
`);

export const MeDocument = graphql(`
  query Me {
    me {
      ...ViewerFields
    }
  }
`);

export const SignOutDocument = graphql(`
  mutation SignOut {
    signOut
  }
`);

export const SwitchAccountDocument = graphql(`
  mutation SwitchAccount($accountId: UUID!) {
    switchAccount(accountId: $accountId) {
      ...ViewerFields
    }
  }
`);
