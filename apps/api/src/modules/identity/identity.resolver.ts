import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { SignInInput, SignInPayload, Viewer } from '@seatwise/schema';
import type { RequestContext } from '../../context.js';
import { Allow, Permission } from '../../graphql/permissions.js';
import { currentViewer, signIn, signOut } from './identity.service.js';

@Resolver()
export class IdentityResolver {
  @Allow(Permission.ReadViewer)
  @Query(() => Viewer, { nullable: true, description: 'The signed-in person, or null when nobody is signed in.' })
  me(@Ctx() ctx: RequestContext): Promise<Viewer | null> {
    return currentViewer(ctx);
  }

  @Allow(Permission.SignInFlow)
  @Mutation(() => SignInPayload, {
    description:
      'Signs in with email and password and sets the session cookie. A wrong email or password gets one generic error (INVALID_CREDENTIALS). With 2-step verification on, no session is opened yet: the answer carries `secondStep`, and `completeSignIn` finishes.',
  })
  async signIn(@Arg('input', () => SignInInput, { description: 'Email and password to sign in with.' }) input: SignInInput, @Ctx() ctx: RequestContext): Promise<SignInPayload> {
    return signIn(ctx, input);
  }

  @Allow(Permission.SignInFlow)
  @Mutation(() => Boolean, { description: 'Ends the current session and clears its cookie. Always true.' })
  signOut(@Ctx() ctx: RequestContext): Promise<boolean> {
    return signOut(ctx);
  }
}
