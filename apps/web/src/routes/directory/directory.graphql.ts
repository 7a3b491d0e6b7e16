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
