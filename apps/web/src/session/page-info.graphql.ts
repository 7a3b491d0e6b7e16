import { graphql } from '../gql/session';

/** What a connection's page needs to page on (`CursorPager`): every list document spreads it. */
export const PageInfoFieldsFragment = graphql(`
  fragment PageInfoFields on PageInfo {
    hasNextPage
    endCursor
  }
`);
