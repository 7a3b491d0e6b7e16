/** The rows of a connection's page, or none while it is loading. */
export const nodesOf = <Node>(connection: { edges: { node: Node }[] } | null | undefined): Node[] => connection?.edges.map((edge) => edge.node) ?? [];
