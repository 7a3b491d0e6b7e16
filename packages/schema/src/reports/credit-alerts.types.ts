import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CloudCreditWarningLevel } from '../client/enums.js';
import { SubscriptionRef } from './report.types.js';

export { CloudCreditWarningLevel };

registerEnumType(CloudCreditWarningLevel, {
  name: 'CloudCreditWarningLevel',
  description: "Why a subscription's cloud credits are warned about.",
  valuesConfig: {
    LOW: { description: "Credits left below the account's alert threshold (without one, below a tenth of those bought)." },
    NEGATIVE: { description: 'More credits consumed than bought: the balance is below zero.' },
  },
});

@ObjectType({ description: "A running subscription whose cloud credits are low or below zero." })
export class CloudCreditWarning {
  @Field(() => SubscriptionRef, { description: 'The subscription holding the credits.' })
  subscription!: SubscriptionRef;

  @Field(() => Int, { description: 'Credits left (negative when more were consumed than bought).' })
  remaining!: number;

  @Field(() => CloudCreditWarningLevel, { description: 'Low, or below zero.' })
  level!: CloudCreditWarningLevel;
}

@ObjectType({ description: "The account's cloud-credit alert: its threshold and the subscriptions warned about now." })
export class CloudCreditAlerts {
  @Field(() => Int, {
    nullable: true,
    description: "Credits left on a subscription below which the account's admins get a usage alert by mail (once each time it is crossed); null: none set.",
  })
  threshold!: number | null;

  @Field(() => [CloudCreditWarning], { description: 'Running subscriptions whose credits are low or below zero, lowest balance first.' })
  warnings!: CloudCreditWarning[];
}

@InputType({ description: "Sets the account's cloud-credit alert threshold." })
export class SetCloudCreditAlertInput {
  @Field(() => Int, { nullable: true, description: 'Credits left below which admins are alerted, 0 to 100,000,000; null turns the alert off.' })
  threshold?: number | null;
}
