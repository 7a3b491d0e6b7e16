import { graphql } from '../../gql/vendor';

export const VendorViewerDocument = graphql(`
  query VendorViewer {
    vendorViewer {
      id
      email
      firstName
      lastName
      language
      role
    }
  }
`);

export const CustomerFieldsFragment = graphql(`
  fragment CustomerFields on Customer {
    id
    name
    country
    timeZone
    language
    externalId
    status
    createdAt
    userCount
    seatCount
    primaryAdminEmail
  }
`);

export const CustomersDocument = graphql(`
  query Customers($first: Int, $after: String, $filter: CustomersFilter, $orderBy: CustomersOrder) {
    customers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          ...CustomerFields
        }
      }
    }
  }
`);

export const CustomerDocument = graphql(`
  query Customer($id: UUID!) {
    customer(id: $id) {
      ...CustomerFields
    }
  }
`);

export const CustomerPeopleDocument = graphql(`
  query CustomerPeople($customerId: UUID!, $after: String) {
    customerPeople(customerId: $customerId, first: 25, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          id
          email
          firstName
          lastName
          role
          status
        }
      }
    }
  }
`);

export const CreateCustomerDocument = graphql(`
  mutation CreateCustomer($input: CreateCustomerInput!) {
    createCustomer(input: $input) {
      ...CustomerFields
    }
  }
`);

export const InviteCustomerPrimaryAdminDocument = graphql(`
  mutation InviteCustomerPrimaryAdmin($input: InviteCustomerPrimaryAdminInput!) {
    inviteCustomerPrimaryAdmin(input: $input) {
      id
      email
      status
    }
  }
`);

export const SuspendCustomerDocument = graphql(`
  mutation SuspendCustomer($id: UUID!) {
    suspendCustomer(id: $id) {
      ...CustomerFields
    }
  }
`);

export const ReactivateCustomerDocument = graphql(`
  mutation ReactivateCustomer($id: UUID!) {
    reactivateCustomer(id: $id) {
      ...CustomerFields
    }
  }
`);

export const CloseCustomerDocument = graphql(`
  mutation CloseCustomer($id: UUID!) {
    closeCustomer(id: $id) {
      ...CustomerFields
    }
  }
`);

export const VendorAuditLogDocument = graphql(`
  query VendorAuditLog($after: String) {
    vendorAuditLog(first: 50, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          id
          at
          actorEmail
          action
          customerId
          customerName
          summary
        }
      }
    }
  }
`);

export const VendorSignOutDocument = graphql(`
  mutation VendorSignOut {
    signOut
  }
`);

export const VendorStaffDocument = graphql(`
  query VendorStaff($first: Int, $after: String) {
    vendorStaff(first: $first, after: $after) {
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          id
          email
          firstName
          lastName
          role
        }
      }
    }
  }
`);

export const CreateStaffSetupLinkDocument = graphql(`
  mutation CreateStaffSetupLink($input: CreateStaffSetupLinkInput!) {
    createStaffSetupLink(input: $input) {
      url
      expiresAt
    }
  }
`);
