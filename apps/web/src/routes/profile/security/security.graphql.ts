import { graphql } from '../../../gql';

export const MySessionsDocument = graphql(`
  query MySessions {
    mySessions {
      id
      browser
      os
      deviceType
      ip
      signedInAt
      lastSeenAt
      expiresAt
      current
    }
  }
`);

export const EndSessionDocument = graphql(`
  mutation EndSession($id: ID!) {
    endSession(id: $id)
  }
`);

export const SignOutEverywhereDocument = graphql(`
  mutation SignOutEverywhere {
    signOutEverywhere
  }
`);

export const ChangePasswordDocument = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      endedSessions
    }
  }
`);

export const PasswordPolicyDocument = graphql(`
  query PasswordPolicy {
    passwordPolicy {
      minLength
      maxLength
    }
  }
`);
