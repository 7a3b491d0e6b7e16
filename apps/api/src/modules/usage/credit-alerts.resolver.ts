import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { CloudCreditAlerts, SetCloudCreditAlertInput } from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { Allow, Permission } from '../../graphql/permissions.js';
import { cloudCreditAlerts, setCloudCreditAlert } from './credit-alerts.service.js';

@Resolver()
export class CreditAlertsResolver {
  @Allow(Permission.ReadReports)
  @Query(() => CloudCreditAlerts, { description: "The account's cloud-credit alert threshold and the running subscriptions whose credits are low or below zero; admins only." })
  cloudCreditAlerts(@Ctx() ctx: AccountContext): Promise<CloudCreditAlerts> {
    return cloudCreditAlerts(ctx);
  }

  @Allow(Permission.ManageUsageAlerts)
  @Mutation(() => CloudCreditAlerts, {
    description: 'Sets the credits left below which admins get a usage alert (once each time a subscription crosses it), or turns it off with null; admins only.',
  })
  setCloudCreditAlert(
    @Ctx() ctx: AccountContext,
    @Arg('input', () => SetCloudCreditAlertInput, { description: 'The threshold.' }) input: SetCloudCreditAlertInput,
  ): Promise<CloudCreditAlerts> {
    return setCloudCreditAlert(ctx, input);
  }
}
