import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { ApiScope, AdminHome, OpenSupportRequestInput, Role, SupportRequest } from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { RequireScope } from '../../graphql/access.js';
import { openSupportRequest } from '../support/support.service.js';
import { adminHome } from './admin-home.service.js';

const ADMINS = [Role.PRIMARY_ADMIN, Role.SECONDARY_ADMIN];

@Resolver()
export class AdminHomeResolver {
  @Authorized(ADMINS)
  @RequireScope(ApiScope.READ_SUBSCRIPTIONS)
  @Query(() => AdminHome, { description: 'The admin landing page (F-10): latest updates, renewals, open support requests; admins only.' })
  adminHome(@Ctx() ctx: AccountContext): Promise<AdminHome> {
    return adminHome(ctx);
  }

  @Authorized(ADMINS)
  @RequireScope(ApiScope.WRITE_SUBSCRIPTIONS)
  @Mutation(() => SupportRequest, { description: 'Opens a support request for the account; admins only.' })
  openSupportRequest(
    @Ctx() ctx: AccountContext,
    @Arg('input', () => OpenSupportRequestInput, { description: 'What the request is about.' }) input: OpenSupportRequestInput,
  ): Promise<SupportRequest> {
    return openSupportRequest(ctx, input.subject);
  }
}
