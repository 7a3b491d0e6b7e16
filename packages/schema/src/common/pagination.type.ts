import { Field, ObjectType, registerEnumType } from 'type-graphql';
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
