import type { AccountSecurity } from '@seatwise/schema';
import type { AccountContext } from '../../../context.js';
import { twoStepStatus } from '../two-step/two-step.service.js';
import { User } from '../user.entity.js';
import { pendingEmailChange } from './email-change.service.js';

/** What the Security tab shows about email and 2-step verification. */
export async function accountSecurity(ctx: AccountContext): Promise<AccountSecurity> {
  const user = await ctx.em.findOneOrFail(User, ctx.viewer.userId);
  return {
    email: user.email,
    pendingEmailChange: await pendingEmailChange(ctx.em, user.id),
    twoStep: await twoStepStatus(ctx.em, user.id),
  };
}
