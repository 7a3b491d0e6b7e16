import { Ctx, FieldResolver, Mutation, Resolver, Arg } from 'type-graphql';
import { UUID, Viewer, ViewerMembership } from '@seatwise/schema';
import type { AccountContext, RequestContext } from '../../context.js';
import { Allow, Permission } from '../../graphql/permissions.js';
import { membershipsOfViewer, switchAccount } from './account-switch.service.js';

@Resolver(() => Viewer)
export class AccountSwitchResolver {
  /** Read with the viewer (`me`, a sign-in's answer), so it asks for nothing more than they did. */
  @FieldResolver(() => [ViewerMembership])
  memberships(@Ctx() ctx: RequestContext): Promise<ViewerMembership[]> {
    return ctx.viewer ? membershipsOfViewer(ctx as AccountContext) : Promise.resolve([]);
  }

  @Allow(Permission.SwitchAccount)
  @Mutation(() => Viewer, {
    description:
      'Moves the session to another account the person belongs to (see `Viewer.memberships`) and remembers it for the next sign-in. Refused to API tokens, which stay in their account, and for an account the person is not an active member of (BAD_USER_INPUT on `accountId`).',
  })
  switchAccount(@Arg('accountId', () => UUID, { description: 'The account to work in.' }) accountId: string, @Ctx() ctx: AccountContext): Promise<Viewer> {
    return switchAccount(ctx, accountId);
  }
}
