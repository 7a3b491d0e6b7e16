import { graphql } from '../../gql/directory';

export const DirectoryPageDocument = graphql(`
  query DirectoryPage {
    directorySettings {
      scimUrl
      people
      deactivatedPeople
      groups
      token {
        id
        prefix
        createdAt
        lastUsedAt
        createdBy
      }
    }
  }
`);

export const CreateDirectoryTokenDocument = graphql(`
  mutation CreateDirectoryToken {
    createDirectoryToken {
      secret
      token {
        id
        prefix
      }
    }
  }
`);

export const RevokeDirectoryTokenDocument = graphql(`
  mutation RevokeDirectoryToken {
    revokeDirectoryToken
  }
`);

export const SingleSignOnDocument = graphql(`
  query SingleSignOn {
    singleSignOnSettings {
      required
      redirectUri
      providers {
        id
        name
        issuer
        clientId
        jitEnabled
        jitClaim
        groupsClaim
      }
      domains {
        id
        domain
        providerId
        txtRecord
        verifiedAt
      }
    }
  }
`);

export const AddSsoProviderDocument = graphql(`
  mutation AddSsoProvider($input: AddSsoProviderInput!) {
    addSsoProvider(input: $input) {
      id
    }
  }
`);

export const RemoveSsoProviderDocument = graphql(`
  mutation RemoveSsoProvider($providerId: UUID!) {
    removeSsoProvider(providerId: $providerId)
  }
`);

export const ClaimSsoDomainDocument = graphql(`
  mutation ClaimSsoDomain($providerId: UUID!, $domain: String!) {
    claimSsoDomain(providerId: $providerId, domain: $domain) {
      id
    }
  }
`);

export const VerifySsoDomainDocument = graphql(`
  mutation VerifySsoDomain($domainId: UUID!) {
    verifySsoDomain(domainId: $domainId) {
      id
      verifiedAt
    }
  }
`);

export const RemoveSsoDomainDocument = graphql(`
  mutation RemoveSsoDomain($domainId: UUID!) {
    removeSsoDomain(domainId: $domainId)
  }
`);

export const SetSingleSignOnRequiredDocument = graphql(`
  mutation SetSingleSignOnRequired($required: Boolean!) {
    setSingleSignOnRequired(required: $required) {
      required
    }
  }
`);
