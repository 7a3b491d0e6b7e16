import { Field, ID, Int, ObjectType } from 'type-graphql';
import { connectionTypes } from '../common/pagination.type.js';

@ObjectType({ description: 'A trial of a product for the signed-in person (F-26).' })
export class Trial {
  @Field(() => ID, { description: 'Identifier of the trial.' })
  id!: string;

  @Field(() => ID, { description: 'The product on trial.' })
  productId!: string;

  @Field(() => String, { description: 'Name of the product.' })
  productName!: string;

  @Field(() => ID, { nullable: true, description: 'The version the trial downloads (the current one).' })
  versionId!: string | null;

  @Field(() => Date, { description: 'When the trial started.' })
  startedAt!: Date;

  @Field(() => Date, { description: 'When the trial ends.' })
  endsAt!: Date;

  @Field(() => Int, { description: 'Whole days left (0 once it has ended).' })
  daysLeft!: number;

  @Field(() => Boolean, { description: 'Whether the trial is still running; an ended trial no longer downloads.' })
  active!: boolean;
}

@ObjectType({ description: 'A product that can be tried (F-26 "Trials").' })
export class TrialOffer {
  @Field(() => ID, { description: 'The product.' })
  productId!: string;

  @Field(() => String, { description: 'Name of the product.' })
  productName!: string;

  @Field(() => String, { nullable: true, description: 'What the product does.' })
  description!: string | null;

  @Field(() => Int, { description: 'Length of a trial in days.' })
  days!: number;

  @Field(() => Boolean, { description: 'Whether the person already started a trial of it (a trial can be started once).' })
  started!: boolean;

  @Field(() => Boolean, { description: 'Whether an active licence already covers the product (then there is nothing to try).' })
  licensed!: boolean;
}

export const TrialConnection = connectionTypes(Trial, 'Trial', { one: 'trial', many: 'trials',
  page: 'A page of your trials, the latest started first.',
  total: 'How many trials you have started, on all pages together.' });
export type TrialConnection = InstanceType<typeof TrialConnection>;
