import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { LicenceDeviceConnection, PageArgs, UUID } from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { Allow, Permission } from '../../graphql/permissions.js';
import { listMyDevices, listUserDevices, releaseDevice, revokeDevice } from './checkout.service.js';

/** The machines a person runs products on with named-user leases. */
@Resolver()
export class DevicesResolver {
  @Allow(Permission.ManageOwnSignIn)
  @Query(() => LicenceDeviceConnection, { description: 'The machines the person runs products on in this account, latest checkout first.' })
  myDevices(@Ctx() ctx: AccountContext, @Args(() => PageArgs) page: PageArgs): Promise<LicenceDeviceConnection> {
    return listMyDevices(ctx, page);
  }

  @Allow(Permission.ManageOwnSignIn)
  @Mutation(() => Boolean, { description: 'Releases one of the own devices: it stops counting against the device limit (NOT_FOUND for any other id).' })
  releaseDevice(@Arg('id', () => UUID, { description: 'The device.' }) id: string, @Ctx() ctx: AccountContext): Promise<boolean> {
    return releaseDevice(ctx, id);
  }

  @Allow(Permission.ReadUsers)
  @Query(() => LicenceDeviceConnection, { description: "A person's machines in this account (admins), latest checkout first; NOT_FOUND for someone who is not a member." })
  userDevices(
    @Arg('userId', () => UUID, { description: 'The person.' }) userId: string,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: AccountContext,
  ): Promise<LicenceDeviceConnection> {
    return listUserDevices(ctx, userId, page);
  }

  @Allow(Permission.ManageUsers)
  @Mutation(() => Boolean, { description: "Revokes a person's device (admins, audited): it stops counting against their device limit at once; NOT_FOUND for a device not in this account or already released." })
  revokeDevice(@Arg('id', () => UUID, { description: 'The device.' }) id: string, @Ctx() ctx: AccountContext): Promise<boolean> {
    return revokeDevice(ctx, id);
  }
}
