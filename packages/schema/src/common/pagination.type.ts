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

/** What a connection's descriptions say of its rows: `trial`, `trials`, the page and the total. */
export interface ConnectionWords {
  /** One row: "trial" (edge, cursor and node descriptions say "this trial", "The trial."). */
  one: string;
  /** The rows: "trials" ("The trials of this page, in order."). */
  many: string;
  /** The connection: "A page of your trials, the latest started first." */
  page: string;
  /** `totalCount`: "How many trials you have started, on all pages together." */
  total: string;
  /** `pageInfo`, when "Where this page stands in the whole list." does not say it. */
  pageInfo?: string;
}

/**
 * The `<Name>Edge` and `<Name>Connection` types of a list of `node` (Relay cursor connections),
 * so that every list follows the one convention with the same words.
 */
export function connectionTypes<Node extends object>(node: ClassType<Node>, name: string, words: ConnectionWords) {
  @ObjectType(`${name}Edge`, { description: `One ${words.one} of a page, with its cursor.` })
  class Edge {
    @Field(() => String, { description: `Opaque cursor of this ${words.one}: pass it as \`after\` to continue after it.` })
    cursor!: string;

    @Field(() => node, { description: `The ${words.one}.` })
    node!: Node;
  }

  @ObjectType(`${name}Connection`, { description: words.page })
  class Connection {
    @Field(() => [Edge], { description: `The ${words.many} of this page, in order.` })
    edges!: Edge[];

    @Field(() => PageInfo, { description: words.pageInfo ?? 'Where this page stands in the whole list.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: words.total })
    totalCount!: number;
  }
  return Connection;
}
