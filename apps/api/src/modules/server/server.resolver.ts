import { Ctx, Query, Resolver } from 'type-graphql';
import { ServerInfo } from '@seatwise/schema';
import type { RequestContext } from '../../context.js';
import { Allow, Permission } from '../../graphql/permissions.js';
import { serverInfo } from './server.service.js';

@Resolver()
export class ServerResolver {
  @Allow(Permission.Public)
  @Query(() => ServerInfo, { description: 'Facts about this server; needs no sign-in.' })
  serverInfo(@Ctx() ctx: RequestContext): ServerInfo {
    return serverInfo(ctx);
  }
}
