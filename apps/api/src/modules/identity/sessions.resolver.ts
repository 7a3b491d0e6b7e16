import { Arg, Args, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { ActiveSessionConnection, PageArgs, UUID } from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { Allow, Permission } from '../../graphql/permissions.js';
import { endOtherSessions, endSession, listMySessions, signOutEverywhere } from './sessions.service.js';

@Resolver()
export class SessionsResolver {
  @Allow(Permission.ManageOwnSignIn)
  @Query(() => ActiveSessionConnection, { description: 'Where the person is signed in (F-03): the current session first, then the latest signed in.' })
  mySessions(
    @Ctx() ctx: AccountContext,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<ActiveSessionConnection> {
    return listMySessions(ctx, page);
  }

  @Allow(Permission.ManageOwnSignIn)
  @Mutation(() => Boolean, { description: 'Ends one of the own sessions (NOT_FOUND for any other id). Ending the current one signs this client out.' })
  endSession(@Arg('id', () => UUID, { description: 'The session to end.' }) id: string, @Ctx() ctx: AccountContext): Promise<boolean> {
    return endSession(ctx, id);
  }

  @Allow(Permission.ManageOwnSignIn)
  @Mutation(() => Int, { description: 'Ends every other session of the person ("end all but this one"), keeping the current one; returns how many ended.' })
  endOtherSessions(@Ctx() ctx: AccountContext): Promise<number> {
    return endOtherSessions(ctx);
  }

  @Allow(Permission.ManageOwnSignIn)
  @Mutation(() => Int, { description: 'Ends every session of the person, this one included; returns how many ended.' })
  signOutEverywhere(@Ctx() ctx: AccountContext): Promise<number> {
    return signOutEverywhere(ctx);
  }
}
