import { graphql } from '../../gql/playground';

export const PlaygroundServerInfoDocument = graphql(`
  query PlaygroundServerInfo {
    serverInfo {
      playground
    }
  }
`);
