import { graphql } from '../../gql/vendor';

export const VendorWebhookEndpointRowFragment = graphql(`
  fragment VendorWebhookEndpointRow on WebhookEndpoint {
    id
    url
    description
    allEvents
    events
    enabled
    disabledForFailureAt
    createdAt
  }
`);

export const VendorWebhookAttemptRowFragment = graphql(`
  fragment VendorWebhookAttemptRow on WebhookAttempt {
    id
    deliveryId
    eventType
    attempt
    statusCode
    succeeded
    error
    responseExcerpt
    durationMs
    attemptedAt
    deliveryStatus
  }
`);

export const VendorWebhookEndpointsDocument = graphql(`
  query VendorWebhookEndpoints {
    vendorWebhookEndpoints {
      ...VendorWebhookEndpointRow
    }
  }
`);

export const VendorWebhookAttemptsDocument = graphql(`
  query VendorWebhookAttempts($endpointId: UUID!, $first: Int!, $after: String) {
    vendorWebhookAttempts(endpointId: $endpointId, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          ...VendorWebhookAttemptRow
        }
      }
    }
  }
`);

export const CreateVendorWebhookEndpointDocument = graphql(`
  mutation CreateVendorWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createVendorWebhookEndpoint(input: $input) {
      secret
      endpoint {
        ...VendorWebhookEndpointRow
      }
    }
  }
`);

export const UpdateVendorWebhookEndpointDocument = graphql(`
  mutation UpdateVendorWebhookEndpoint($input: UpdateWebhookEndpointInput!) {
    updateVendorWebhookEndpoint(input: $input) {
      ...VendorWebhookEndpointRow
    }
  }
`);

export const RotateVendorWebhookSecretDocument = graphql(`
  mutation RotateVendorWebhookSecret($id: UUID!) {
    rotateVendorWebhookSecret(id: $id) {
      secret
      endpoint {
        ...VendorWebhookEndpointRow
      }
    }
  }
`);

export const DeleteVendorWebhookEndpointDocument = graphql(`
  mutation DeleteVendorWebhookEndpoint($id: UUID!) {
    deleteVendorWebhookEndpoint(id: $id) {
      id
    }
  }
`);

export const RedeliverVendorWebhookDocument = graphql(`
  mutation RedeliverVendorWebhook($deliveryId: UUID!) {
    redeliverVendorWebhook(deliveryId: $deliveryId) {
      id
    }
  }
`);
