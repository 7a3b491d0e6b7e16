import type { EntityManager } from '@mikro-orm/knex';
import type { Role } from '@seatwise/schema';
import type { Account } from '../accounts/account.entity.js';
import type { User } from './user.entity.js';

/** A person's place in one account: what sign-in, the viewer and the seat log read of it. */
export interface AccountPlace {
  account: Account;
  role: Role;
  /** The address the account sees for the person. */
  email: string;
  lastSignInAt: Date | null;
}

/**
 * What identity asks of the accounts a person belongs to. Memberships and invitations live in the
 * users module, which builds on identity (a membership points at its user), so identity reaches
 * them only through this port: `users/membership-hooks.ts` implements it and `createApp`
 * registers it before the first request.
 */
export interface MembershipHooks {
  /**
   * The account to sign in to: the active membership the person chose last (`switchAccount` and
   * sign-ins stamp it), else the oldest; its account loaded.
   */
  signInPlace(em: EntityManager, user: User): Promise<AccountPlace | null>;
  /** Every account the person can work in now (active membership, active customer), by account name. */
  placesOf(em: EntityManager, userId: string): Promise<AccountPlace[]>;
  /** The membership behind a session (user and account loaded), or null once it is gone. */
  placeOf(em: EntityManager, userId: string, accountId: string): Promise<(AccountPlace & { user: User }) | null>;
  /** The person changed their names or email: the accounts they are active in see it (caller's transaction). */
  shareProfile(em: EntityManager, user: User): Promise<void>;
  /** A reset link proved the address: pending invitations to it are accepted (caller's transaction). */
  acceptInvitationsOfProvenEmail(em: EntityManager, user: User): Promise<number>;
  /** Throws when the person may not delete their sign-in yet (a primary admin hands the role over first). */
  checkErasable(em: EntityManager, user: User): Promise<void>;
  /** The primary admin signed in with password and 2-step although the account requires single sign-on: audited (caller's unit of work). */
  recordBreakGlass(em: EntityManager, user: User, place: AccountPlace): void;
  /** Takes the person out of every account (seats, pending invitations, memberships; an audit entry each), in `em`'s transaction. */
  erase(em: EntityManager, user: User): Promise<void>;
}

let registered: MembershipHooks | null = null;

export function registerMembershipHooks(hooks: MembershipHooks): void {
  registered = hooks;
}

export function membershipHooks(): MembershipHooks {
  if (!registered) throw new Error('No membership hooks registered: createApp registers them (users/membership-hooks.ts).');
  return registered;
}
