import { graphql } from '../../gql/developer';

export const WebhookEndpointRowFragment = graphql(`
  fragment WebhookEndpointRow on WebhookEndpoint {
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

export const WebhookAttemptRowFragment = graphql(`
  fragment WebhookAttemptRow on WebhookAttempt {
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

export const WebhookEndpointsDocument = graphql(`
  query WebhookEndpoints {
    webhookEndpoints {
      ...WebhookEndpointRow
    }
  }
`);

export const WebhookAttemptsDocument = graphql(`
  query WebhookAttempts($endpointId: UUID!, $first: Int!, $after: String) {
    webhookAttempts(endpointId: $endpointId, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          ...WebhookAttemptRow
        }
      }
    }
  }
`);

export const CreateWebhookEndpointDocument = graphql(`
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      secret
      endpoint {
        ...WebhookEndpointRow
      }
    }
  }
`);

export const UpdateWebhookEndpointDocument = graphql(`
  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {
    updateWebhookEndpoint(input: $input) {
      ...WebhookEndpointRow
    }
  }
`);

export const RotateWebhookSecretDocument = graphql(`
  mutation RotateWebhookSecret($id: UUID!) {
    rotateWebhookSecret(id: $id) {
      secret
      endpoint {
        ...WebhookEndpointRow
      }
    }
  }
`);

export const DeleteWebhookEndpointDocument = graphql(`
  mutation DeleteWebhookEndpoint($id: UUID!) {
    deleteWebhookEndpoint(id: $id) {
      id
    }
  }
`);

export const RedeliverWebhookDocument = graphql(`
  mutation RedeliverWebhook($deliveryId: UUID!) {
    redeliverWebhook(deliveryId: $deliveryId) {
      id
    }
  }
`);
