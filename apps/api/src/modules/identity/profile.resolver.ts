import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Profile, Settings, UpdateProfileInput, UpdateSettingsInput } from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { Allow, Permission } from '../../graphql/permissions.js';
import { myProfile, updateProfile } from './profile.service.js';
import { mySettings, updateSettings } from './settings.service.js';

@Resolver()
export class ProfileResolver {
  @Allow(Permission.ReadOwnProfile)
  @Query(() => Profile, { description: "The signed-in person's own profile (F-04)." })
  myProfile(@Ctx() ctx: AccountContext): Promise<Profile> {
    return myProfile(ctx);
  }

  @Allow(Permission.UpdateOwnProfile)
  @Mutation(() => Profile, {
    description: 'Edits the own profile: name, phone, company, country, language. BAD_USER_INPUT names the field of a bad value; nothing is stored then.',
  })
  updateProfile(
    @Arg('input', () => UpdateProfileInput, { description: 'The values to change.' }) input: UpdateProfileInput,
    @Ctx() ctx: AccountContext,
  ): Promise<Profile> {
    return updateProfile(ctx, input);
  }

  @Allow(Permission.ReadOwnProfile)
  @Query(() => Settings, { description: "The signed-in person's settings (F-06): language and notification preferences." })
  mySettings(@Ctx() ctx: AccountContext): Promise<Settings> {
    return mySettings(ctx);
  }

  @Allow(Permission.UpdateOwnProfile)
  @Mutation(() => Settings, { description: 'Changes the own language and notification channels.' })
  updateSettings(
    @Arg('input', () => UpdateSettingsInput, { description: 'The settings to change.' }) input: UpdateSettingsInput,
    @Ctx() ctx: AccountContext,
  ): Promise<Settings> {
    return updateSettings(ctx, input);
  }
}
