import { graphql } from '../../gql/products';

export const InstallPackagesDocument = graphql(`
  query InstallPackages($first: Int, $after: String) {
    installPackages(first: $first, after: $after) {
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          id
          name
          productName
          version
          platform
          language
          addOns
          status
          progress
          error
          size
          sha256
          createdAt
        }
      }
    }
  }
`);

export const CreateInstallPackageDocument = graphql(`
  mutation CreateInstallPackage($input: CreateInstallPackageInput!) {
    createInstallPackage(input: $input) {
      id
      status
      progress
    }
  }
`);

export const InstallPackageLinkDocument = graphql(`
  mutation InstallPackageLink($id: UUID!) {
    createInstallPackageDownloadLink(id: $id) {
      url
      fileName
      sha256
    }
  }
`);
