import { graphql } from '../../gql/connect';

export const DeviceAuthorizationDocument = graphql(`
  query DeviceAuthorization($userCode: String!) {
    deviceAuthorization(userCode: $userCode) {
      clientName
      scopes
      expiresAt
    }
  }
`);

export const ApproveDeviceAuthorizationDocument = graphql(`
  mutation ApproveDeviceAuthorization($userCode: String!, $allow: Boolean!) {
    approveDeviceAuthorization(userCode: $userCode, allow: $allow)
  }
`);

export const OidcInteractionDocument = graphql(`
  query OidcInteraction($uid: String!) {
    oidcInteraction(uid: $uid) {
      uid
      clientName
      scopes
    }
  }
`);

export const MyConnectedAppsDocument = graphql(`
  query MyConnectedApps($first: Int, $after: String) {
    myConnectedApps(first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          id
          name
          accountName
          scopes
          connectedAt
          expiresAt
        }
      }
    }
  }
`);

export const DisconnectAppDocument = graphql(`
  mutation DisconnectApp($id: String!) {
    disconnectApp(id: $id)
  }
`);

export const MyDevicesDocument = graphql(`
  query MyDevices($first: Int, $after: String) {
    myDevices(first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          id
          productName
          name
          platform
          lastVersion
          lastCheckoutAt
        }
      }
    }
  }
`);

export const ReleaseDeviceDocument = graphql(`
  mutation ReleaseDevice($id: UUID!) {
    releaseDevice(id: $id)
  }
`);
