import { graphql } from '../../gql';

export const PlaygroundServerInfoDocument = graphql(`
  query PlaygroundServerInfo {
    serverInfo {
      playground
    }
  }
`);
