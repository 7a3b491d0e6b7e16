import { graphql } from '../../gql/vendor';

export const CatalogueProductFieldsFragment = graphql(`
  fragment CatalogueProductFields on CatalogueProduct {
    id
    code
    name
    kind
    description
    licenceTypes
    trialDays
    revision
    versionCount
    currentVersion
    versions {
      id
      version
      releasedOn
      status
      publishedAt
      revision
      files {
        id
        kind
        name
        platform
        language
        fileName
        size
        sha256
      }
      uploads {
        id
        kind
        name
        platform
        language
        fileName
        size
        received
        url
      }
    }
  }
`);

export const CatalogueProductsDocument = graphql(`
  query CatalogueProducts($first: Int, $after: String, $filter: CatalogueProductsFilter) {
    catalogueProducts(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          code
          name
          kind
          licenceTypes
          trialDays
          versionCount
          currentVersion
        }
      }
    }
  }
`);

export const CatalogueProductDocument = graphql(`
  query CatalogueProduct($id: UUID!) {
    catalogueProduct(id: $id) {
      ...CatalogueProductFields
    }
  }
`);

export const CreateCatalogueProductDocument = graphql(`
  mutation CreateCatalogueProduct($input: CreateCatalogueProductInput!) {
    createCatalogueProduct(input: $input) {
      ...CatalogueProductFields
    }
  }
`);

export const UpdateCatalogueProductDocument = graphql(`
  mutation UpdateCatalogueProduct($input: UpdateCatalogueProductInput!) {
    updateCatalogueProduct(input: $input) {
      ...CatalogueProductFields
    }
  }
`);

export const SetTrialOfferDocument = graphql(`
  mutation SetTrialOffer($input: SetTrialOfferInput!) {
    setTrialOffer(input: $input) {
      ...CatalogueProductFields
    }
  }
`);

export const AddProductVersionDocument = graphql(`
  mutation AddProductVersion($input: AddProductVersionInput!) {
    addProductVersion(input: $input) {
      ...CatalogueProductFields
    }
  }
`);

export const SetProductVersionStatusDocument = graphql(`
  mutation SetProductVersionStatus($input: SetProductVersionStatusInput!) {
    setProductVersionStatus(input: $input) {
      ...CatalogueProductFields
    }
  }
`);

export const PublishProductVersionDocument = graphql(`
  mutation PublishProductVersion($input: PublishProductVersionInput!) {
    publishProductVersion(input: $input) {
      ...CatalogueProductFields
    }
  }
`);

export const CreateFileUploadDocument = graphql(`
  mutation CreateFileUpload($input: CreateFileUploadInput!) {
    createFileUpload(input: $input) {
      id
      url
      size
      received
    }
  }
`);

export const CancelFileUploadDocument = graphql(`
  mutation CancelFileUpload($id: UUID!) {
    cancelFileUpload(id: $id)
  }
`);
