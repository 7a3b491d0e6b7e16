import { graphql } from '../../gql/password';

export const RequestPasswordResetDocument = graphql(`
  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input)
  }
`);

export const PasswordResetLinkDocument = graphql(`
  query PasswordResetLink($token: String!) {
    passwordResetLink(token: $token) {
      email
      firstPassword
      expiresAt
    }
    passwordPolicy {
      minLength
      maxLength
    }
  }
`);

export const ResetPasswordDocument = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input)
  }
`);
