import { ArgsType, type ClassType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SortDirection } from '../client/enums.js';

export { SortDirection };

registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'Order of a sorted list.',
  valuesConfig: {
    ASC: { description: 'Smallest or earliest first (A to Z).' },
    DESC: { description: 'Largest or latest first (Z to A).' },
  },
});

@ObjectType({ description: 'Where a page of a connection stands in the whole list (Relay cursor connections).' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether more items follow the last one of this page.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'Whether items come before the first one of this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of this page; null on an empty page.' })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last item of this page: pass it as `after` to get the next page; null on an empty page.',
  })
  endCursor!: string | null;
}

/** `first` and `after` of every connection: `@Args(() => PageArgs) page: PageArgs`. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 100 (default 25).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts (`endCursor` of the previous page).' })
  after?: string | null;
}

/** What a connection's descriptions say of its rows: `the trial`, `your trials`, `how many trials you have`. */
export interface ConnectionWords {
  /** One row, for the edge's node: "The trial." */
  node: string;
  /** The page, for the connection: "A page of your trials, the newest first." */
  page: string;
  /** The total, for `totalCount`: "How many trials you have, on all pages together." */
  total: string;
}

/**
 * The `<Name>Edge` and `<Name>Connection` types of a list of `node` (Relay cursor connections),
 * for a list that follows the one convention and needs nothing of its own.
 */
export function connectionTypes<Node extends object>(node: ClassType<Node>, name: string, words: ConnectionWords) {
  @ObjectType(`${name}Edge`, { description: `One row of a ${name}Connection and its cursor.` })
  class Edge {
    @Field(() => String, { description: 'Opaque cursor of this row: pass it as `after` to continue after it.' })
    cursor!: string;

    @Field(() => node, { description: words.node })
    node!: Node;
  }

  @ObjectType(`${name}Connection`, { description: words.page })
  class Connection {
    @Field(() => [Edge], { description: 'The rows of this page, in order.' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Where this page stands in the whole list.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: words.total })
    totalCount!: number;
  }
  return Connection;
}
