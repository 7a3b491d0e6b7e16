import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Language } from './viewer.type.js';
import { NotificationCategory, NotificationChannel } from '../client/enums.js';

export { NotificationCategory, NotificationChannel };

registerEnumType(NotificationCategory, {
  name: 'NotificationCategory',
  description: 'A kind of message Seatwise sends on its own.',
  valuesConfig: {
    PRODUCT_UPDATES: { description: 'New releases, updates and add-ons of products the person uses.' },
    SUBSCRIPTION_RENEWALS: { description: 'Subscriptions due for renewal and renewed.' },
    SECURITY_ALERTS: { description: 'A new sign-in, a changed password, 2-step verification turned off.' },
    USAGE_ALERTS: { description: "Cloud credits below the account's alert threshold, and a subscription with every seat assigned." },
  },
});

registerEnumType(NotificationChannel, {
  name: 'NotificationChannel',
  description: 'How a category of notifications reaches the person.',
  valuesConfig: {
    EMAIL: { description: 'By email.' },
    NONE: { description: 'Not at all.' },
  },
});

@ObjectType({ description: 'How one category of notifications reaches the person.' })
export class NotificationPreference {
  @Field(() => NotificationCategory, { description: 'The category.' })
  category!: NotificationCategory;

  @Field(() => NotificationChannel, { description: 'The channel; EMAIL unless the person chose otherwise.' })
  channel!: NotificationChannel;
}

@ObjectType({ description: "The person's own settings (F-06); they follow the person to every device." })
export class Settings {
  @Field(() => Language, { description: 'Display language of the user interface and of messages.' })
  language!: Language;

  @Field(() => [NotificationPreference], { description: 'One entry per notification category, in a fixed order.' })
  notifications!: NotificationPreference[];
}

@InputType({ description: 'The channel for one category of notifications.' })
export class NotificationPreferenceInput {
  @Field(() => NotificationCategory, { description: 'The category.' })
  category!: NotificationCategory;

  @Field(() => NotificationChannel, { description: 'The channel.' })
  channel!: NotificationChannel;
}

@InputType({ description: 'Changes to the own settings; what is left out stays as it is.' })
export class UpdateSettingsInput {
  @Field(() => Language, { nullable: true, description: 'New display language.' })
  language?: Language | null;

  @Field(() => [NotificationPreferenceInput], {
    nullable: true,
    description: 'Channels to change; categories not listed keep theirs. Each category at most once.',
  })
  notifications?: NotificationPreferenceInput[] | null;
}
