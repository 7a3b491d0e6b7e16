import { Field, InputType, registerEnumType } from 'type-graphql';
import { SortDirection } from '../common/pagination.type.js';
import { MembershipStatus, Role } from './role.enum.js';
import { UUID } from '../common/uuid.scalar.js';
import { UserSortField } from '../client/enums.js';

export { UserSortField };

registerEnumType(UserSortField, {
  name: 'UserSortField',
  description: 'What the list of users can be sorted by.',
  valuesConfig: {
    NAME: { description: 'First and last name, alphabetically.' },
    EMAIL: { description: 'Email address, alphabetically.' },
    ROLE: { description: 'Role: user, secondary admin, primary admin.' },
    STATUS: { description: 'Status: active, invited, inactive.' },
    JOINED_AT: { description: 'When the person joined the account.' },
  },
});

@InputType({ description: 'Narrows the list of users; every given criterion must match.' })
export class UsersFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Words to find in the name or email address (case-insensitive); up to 100 characters.',
  })
  search?: string | null;

  @Field(() => [Role], { nullable: true, description: 'Only users with one of these roles.' })
  roles?: Role[] | null;

  @Field(() => [MembershipStatus], {
    nullable: true,
    description: 'Only users with one of these statuses. Without it, removed (inactive) users are left out.',
  })
  statuses?: MembershipStatus[] | null;

  @Field(() => [UUID], { nullable: true, description: 'Only users in one of these teams.' })
  teamIds?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only users in no team; false: only users in a team.' })
  withoutTeam?: boolean | null;

  @Field(() => [UUID], {
    nullable: true,
    description: "Only users holding a seat of one of these products on a running subscription (a collection's seat counts for each of its products); up to 50.",
  })
  productIds?: string[] | null;
}

@InputType({ description: 'How to sort the list of users.' })
export class UsersOrder {
  @Field(() => UserSortField, { description: 'What to sort by.' })
  field!: UserSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Ascending or descending.' })
  direction!: SortDirection;
}
