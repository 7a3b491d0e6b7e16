import { graphql } from '../../gql/audit';

export const AuditLogDocument = graphql(`
  query AuditLog($first: Int!, $after: String, $filter: AuditFilter) {
    auditLog(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          id
          createdAt
          actorName
          byDirectory
          bySingleSignOn
          action
          targetType
          targetId
          summary
          before
          after
        }
      }
    }
  }
`);

export const AuditLogCsvDocument = graphql(`
  query AuditLogCsv($filter: AuditFilter) {
    auditLogCsv(filter: $filter)
  }
`);
