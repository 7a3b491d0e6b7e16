import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Account, Language, Viewer } from '@seatwise/schema';
import type { RequestContext } from '../../context.js';
import { viewerAccount, viewerProfile } from './identity.service.js';

/**
 * The viewer's fields past its id and role, read only when asked for (issue 21, item 2): `me { id }`
 * answers from the session alone. A sign-in's or an account switch's answer already carries them.
 */
@Resolver(() => Viewer)
export class ViewerResolver {
  @FieldResolver(() => String)
  async email(@Root() root: Partial<Viewer>, @Ctx() ctx: RequestContext): Promise<string> {
    return root.email ?? (await viewerProfile(ctx)).email;
  }

  @FieldResolver(() => String)
  async firstName(@Root() root: Partial<Viewer>, @Ctx() ctx: RequestContext): Promise<string> {
    return root.firstName ?? (await viewerProfile(ctx)).firstName;
  }

  @FieldResolver(() => String)
  async lastName(@Root() root: Partial<Viewer>, @Ctx() ctx: RequestContext): Promise<string> {
    return root.lastName ?? (await viewerProfile(ctx)).lastName;
  }

  @FieldResolver(() => Language)
  async language(@Root() root: Partial<Viewer>, @Ctx() ctx: RequestContext): Promise<Language> {
    return root.language ?? (await viewerProfile(ctx)).language;
  }

  @FieldResolver(() => Account)
  async account(@Root() root: Partial<Viewer>, @Ctx() ctx: RequestContext): Promise<Account> {
    return root.account ?? viewerAccount(ctx);
  }
}
