import { registerEnumType } from 'type-graphql';
import { Role, MembershipStatus } from '../client/enums.js';

export { Role, MembershipStatus };

registerEnumType(Role, {
  name: 'Role',
  description: "A person's role in one account.",
  valuesConfig: {
    USER: { description: 'Uses the products assigned to them and manages their own profile.' },
    SECONDARY_ADMIN: {
      description: 'Adds users, assigns products and sees reports; cannot remove the primary admin or change billing.',
    },
    PRIMARY_ADMIN: { description: 'Exactly one per account: everything a secondary admin can do, plus billing and handover.' },
  },
});

registerEnumType(MembershipStatus, {
  name: 'MembershipStatus',
  description: "Where a person stands in an account's user list.",
  valuesConfig: {
    ACTIVE: { description: 'Has accepted access and can sign in.' },
    INVITED: { description: 'Was invited and has not accepted yet.' },
    INACTIVE: { description: 'Was removed from the account; kept for the history of reports.' },
  },
});
