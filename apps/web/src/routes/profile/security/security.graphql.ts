import { graphql } from '../../../gql/profile';

export const AccountSecurityDocument = graphql(`
  query AccountSecurity {
    accountSecurity {
      email
      pendingEmailChange {
        newEmail
        expiresAt
      }
      twoStep {
        ...TwoStepStatusFields
      }
    }
  }
`);

export const TwoStepStatusFieldsFragment = graphql(`
  fragment TwoStepStatusFields on TwoStepStatus {
    enabled
    method
    phoneHint
    recoveryCodesLeft
    enabledAt
  }
`);

export const ChangeEmailDocument = graphql(`
  mutation ChangeEmail($input: ChangeEmailInput!) {
    changeEmail(input: $input) {
      newEmail
      expiresAt
    }
  }
`);

export const CancelEmailChangeDocument = graphql(`
  mutation CancelEmailChange {
    cancelEmailChange
  }
`);

export const StartAuthenticatorSetupDocument = graphql(`
  mutation StartAuthenticatorSetup($input: StartAuthenticatorSetupInput!) {
    startAuthenticatorSetup(input: $input) {
      secret
      otpauthUri
      qrCodeDataUrl
    }
  }
`);

export const StartSmsSetupDocument = graphql(`
  mutation StartSmsSetup($input: StartSmsSetupInput!) {
    startSmsSetup(input: $input) {
      phoneHint
    }
  }
`);

export const ConfirmTwoStepDocument = graphql(`
  mutation ConfirmTwoStep($input: ConfirmTwoStepInput!) {
    confirmTwoStep(input: $input) {
      codes
    }
  }
`);

export const RegenerateRecoveryCodesDocument = graphql(`
  mutation RegenerateRecoveryCodes($input: RegenerateRecoveryCodesInput!) {
    regenerateRecoveryCodes(input: $input) {
      codes
    }
  }
`);

export const SendTwoStepSmsCodeDocument = graphql(`
  mutation SendTwoStepSmsCode {
    sendTwoStepSmsCode {
      phoneHint
    }
  }
`);

export const TurnOffTwoStepDocument = graphql(`
  mutation TurnOffTwoStep($input: TurnOffTwoStepInput!) {
    turnOffTwoStep(input: $input) {
      ...TwoStepStatusFields
    }
  }
`);

export const DeleteOwnAccountDocument = graphql(`
  mutation DeleteOwnAccount($input: DeleteOwnAccountInput!) {
    deleteOwnAccount(input: $input)
  }
`);

export const MySessionsDocument = graphql(`
  query MySessions($first: Int, $after: String) {
    mySessions(first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
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
    }
  }
`);

export const EndSessionDocument = graphql(`
  mutation EndSession($id: UUID!) {
    endSession(id: $id)
  }
`);

export const EndOtherSessionsDocument = graphql(`
  mutation EndOtherSessions {
    endOtherSessions
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
