import type { Viewer as ViewerType, ViewerMembership } from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { InvalidInputError, msg, UnauthenticatedError } from '../../errors.js';
import { inTransaction } from '../../common/transaction.js';
import { type AccountPlace, membershipHooks } from './memberships.port.js';
import { Session } from './session.entity.js';
import { toViewer } from './sign-in-session.js';

const asChoice = (place: AccountPlace, currentAccountId: string): ViewerMembership => ({
  account: { id: place.account.id, name: place.account.name, timeZone: place.account.timeZone },
  role: place.role,
  current: place.account.id === currentAccountId,
});

/**
 * The accounts the viewer can work in, by name. A token is bound to its account, so it sees only
 * that one; a person in a session sees every active membership of an active customer.
 */
export async function membershipsOfViewer(ctx: AccountContext): Promise<ViewerMembership[]> {
  const { userId, accountId, token } = ctx.viewer;
  const places = await membershipHooks().placesOf(ctx.em, userId);
  return places.filter((place) => !token || place.account.id === accountId).map((place) => asChoice(place, accountId));
}

/**
 * Moves the session to another account of the person. The account is remembered: the next
 * sign-in opens it (the membership's sign-in stamp, which admins see as the person's last
 * sign-in there, is set now). Tokens never reach this (`SwitchAccount` is session-only).
 */
export async function switchAccount(ctx: AccountContext, accountId: string): Promise<ViewerType> {
  const { userId, sessionId } = ctx.viewer;
  if (!sessionId) throw new UnauthenticatedError();
  const places = await membershipHooks().placesOf(ctx.em, userId);
  const target = places.find((place) => place.account.id === accountId);
  if (!target) {
    throw new InvalidInputError('accountId', msg('You cannot work in that account: you are not an active member of it, or it is suspended or closed.'));
  }
  await inTransaction(ctx, async (tx) => {
    const moved = await tx.em.nativeUpdate(Session, { id: sessionId, user: userId }, { account: target.account.id }, { filters: false });
    if (moved !== 1) throw new UnauthenticatedError();
    target.lastSignInAt = new Date();
    await tx.em.flush();
  });
  ctx.viewer = { ...ctx.viewer, accountId: target.account.id, role: target.role };
  ctx.em.setFilterParams('tenant', { accountId: target.account.id });
  const place = await membershipHooks().placeOf(ctx.em, userId, target.account.id);
  if (!place) throw new UnauthenticatedError();
  return toViewer(place.user, place.account, place);
}
