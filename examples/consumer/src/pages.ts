/** One page of any Seatwise connection: the same shape everywhere (edges, pageInfo, totalCount). */
export interface Page<Node> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: { node: Node }[];
}

/**
 * Walks a connection from the first page to the last, `after` each page's `endCursor`. Works for
 * every list of the API, because cursor pagination has one shape.
 */
export async function allNodes<Node>(fetchPage: (after: string | null) => Promise<Page<Node>>): Promise<Node[]> {
  const nodes: Node[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Page<Node> = await fetchPage(after);
    nodes.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return nodes;
    after = page.pageInfo.endCursor;
  }
}
