import { graphql } from '../../gql/products';

export const ProductEntitlementsDocument = graphql(`
  query ProductEntitlements {
    productEntitlements {
      id
      code
      name
      description
      kind
      homeUseAllowed
      networkLicenceAllowed
      licences {
        subscriptionId
        subscriptionName
        licenceType
        term
        seats
        seatsAssigned
        holdsSeat
        startsOn
        endsOn
        daysLeft
        active
        cancelled
        serialNumber
      }
      versions {
        id
        version
        releasedAt
        current
        serialNumber
        productKey
        trial
        updates {
          ...ProductFileFields
        }
        addOns {
          ...ProductFileFields
        }
      }
      trial {
        id
        active
        daysLeft
        endsAt
      }
    }
  }
`);

export const ProductFileFieldsFragment = graphql(`
  fragment ProductFileFields on ProductFile {
    id
    kind
    name
    description
    productId
    productName
    versionId
    version
    platform
    language
    fileName
    size
    sha256
    releasedAt
  }
`);

export const CreateDownloadLinksDocument = graphql(`
  mutation CreateDownloadLinks($fileIds: [UUID!]!) {
    createDownloadLinks(fileIds: $fileIds) {
      url
      expiresAt
      fileName
      size
      sha256
    }
  }
`);

export const ProductDownloadsDocument = graphql(`
  query ProductDownloads($versionId: UUID!, $platform: Platform, $language: String) {
    productDownloads(versionId: $versionId, platform: $platform, language: $language) {
      productId
      productName
      versionId
      version
      platforms
      languages
      installers {
        ...ProductFileFields
      }
      methods {
        method
        installsDirectly
        activatesAutomatically
        resumable
        keepsInstaller
        needsHelperApp
      }
    }
  }
`);

export const ProductUpdatesDocument = graphql(`
  query ProductUpdates($first: Int, $after: String) {
    productUpdates(first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          ...ProductFileFields
        }
      }
    }
  }
`);

export const RequestHomeUseDocument = graphql(`
  mutation RequestHomeUse($input: HomeUseLicenceInput!) {
    requestHomeUseLicence(input: $input) {
      id
      kind
      productName
      version
      serialNumber
      createdAt
    }
  }
`);

export const RequestNetworkLicenceDocument = graphql(`
  mutation RequestNetworkLicence($input: NetworkLicenceInput!) {
    requestNetworkLicence(input: $input) {
      id
      productName
      version
      serverHostName
      hostId
      seats
      licenceFile
      revokedAt
    }
  }
`);

export const LicenceRequestsDocument = graphql(`
  query LicenceRequests($productId: UUID!, $first: Int, $after: String) {
    licenceRequests(filter: { productId: $productId }, first: $first, after: $after) {
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          id
          kind
          productName
          version
          serialNumber
          requestedBy
          createdAt
          serverHostName
          hostId
          seats
          licenceFile
          revokedAt
        }
      }
    }
  }
`);
