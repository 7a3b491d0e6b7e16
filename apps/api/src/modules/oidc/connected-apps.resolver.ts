import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { ConnectedAppConnection, DeviceAuthorization, OidcInteraction, PageArgs } from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { Allow, Permission } from '../../graphql/permissions.js';
import { approveDeviceAuthorization, deviceAuthorization, disconnectApp, interactionFor, listConnectedApps } from './connected-apps.service.js';

/** The person's side of the OpenID provider: connecting a device, a product's sign-in, the connected apps. */
@Resolver()
export class ConnectedAppsResolver {
  @Allow(Permission.ManageOwnSignIn)
  @Query(() => DeviceAuthorization, { description: 'The device waiting for the code the person typed (INVALID_USER_CODE when none; tries are limited).' })
  deviceAuthorization(@Arg('userCode', () => String, { description: 'The code the device shows, e.g. BCDF-GHJK.' }) userCode: string, @Ctx() ctx: AccountContext): Promise<DeviceAuthorization> {
    return deviceAuthorization(ctx, userCode);
  }

  @Allow(Permission.ManageOwnSignIn)
  @Mutation(() => Boolean, { description: 'Allows (or refuses) the device waiting for this code; it signs in as the person in the current account. Returns whether it was allowed.' })
  approveDeviceAuthorization(
    @Arg('userCode', () => String, { description: 'The code the device shows.' }) userCode: string,
    @Arg('allow', () => Boolean, { description: 'False refuses the device.' }) allow: boolean,
    @Ctx() ctx: AccountContext,
  ): Promise<boolean> {
    return approveDeviceAuthorization(ctx, userCode, allow);
  }

  @Allow(Permission.ManageOwnSignIn)
  @Query(() => OidcInteraction, { description: "A product's sign-in waiting for the person (INTERACTION_NOT_FOUND once it ended)." })
  oidcInteraction(@Arg('uid', () => String, { description: 'The interaction, from the /connect/:uid address.' }) uid: string, @Ctx() ctx: AccountContext): Promise<OidcInteraction> {
    return interactionFor(ctx, uid);
  }

  @Allow(Permission.ManageOwnSignIn)
  @Query(() => ConnectedAppConnection, { description: 'The products and devices the person connected (in every account), latest first.' })
  myConnectedApps(@Ctx() ctx: AccountContext, @Args(() => PageArgs) page: PageArgs): Promise<ConnectedAppConnection> {
    return listConnectedApps(ctx, page);
  }

  @Allow(Permission.ManageOwnSignIn)
  @Mutation(() => Boolean, { description: 'Signs a connected product or device out: its tokens stop working at once (NOT_FOUND for any other id).' })
  disconnectApp(@Arg('id', () => String, { description: 'The connection (ConnectedApp.id).' }) id: string, @Ctx() ctx: AccountContext): Promise<boolean> {
    return disconnectApp(ctx, id);
  }
}
