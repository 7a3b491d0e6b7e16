import { WebhookEventType } from '@seatwise/schema';
import { publishWebhookEvent } from '../webhooks/webhook-events.js';
import { type AcceptInvitationInput, type InvitationPreview, InvitationStatus, MembershipStatus, type Viewer as ViewerType } from '@seatwise/schema';
import { inTransaction } from '../../common/transaction.js';
import type { AccountContext, RequestContext } from '../../context.js';
import { AppError, InvalidInputError, msg } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { currentViewer } from '../identity/identity.service.js';
import { hashPassword, verifyPassword } from '../identity/password.js';
import { checkNewPassword } from '../identity/password-policy.js';
import { checkPasswordThrottled } from '../identity/rate-limits.js';
import { Session } from '../identity/session.entity.js';
import { hashToken, newToken, writeSessionCookie } from '../identity/session.service.js';
import { twoStepStatus } from '../identity/two-step/two-step.service.js';
import { User } from '../identity/user.entity.js';
import { Invitation, InvitationStatus as StoredStatus } from './invitation.entity.js';
import { Membership } from './membership.entity.js';

const NOT_VALID = msg('This invitation link is not valid. Ask your admin to send a new one.');

/** The invitation behind a link, whatever account it belongs to (the link is the credential). */
async function findByToken(ctx: RequestContext, token: string): Promise<Invitation> {
  const invitation = token ? await ctx.em.findOne(Invitation, { tokenHash: hashToken(token) }, { filters: false, populate: ['account'] }) : null;
  if (!invitation) throw new AppError('INVITATION_INVALID', NOT_VALID, 'token');
  return invitation;
}

const statusOf = (invitation: Invitation): InvitationStatus =>
  invitation.status === StoredStatus.PENDING && invitation.expiresAt.getTime() < Date.now()
    ? InvitationStatus.EXPIRED
    : (invitation.status as unknown as InvitationStatus);

export async function previewInvitation(ctx: RequestContext, token: string): Promise<InvitationPreview> {
  const invitation = await findByToken(ctx, token);
  const user = await ctx.em.findOne(User, { email: invitation.email });
  return {
    email: invitation.email,
    firstName: invitation.firstName,
    accountName: invitation.account.name,
    status: statusOf(invitation),
    needsPassword: !user?.passwordHash,
  };
}

/**
 * Accepts an invitation and signs the person in: a new person sets their first password, an
 * existing one proves it is them with theirs and simply gains this account.
 */
export async function acceptInvitation(ctx: RequestContext, input: AcceptInvitationInput): Promise<ViewerType | null> {
  const invitation = await findByToken(ctx, input.token);
  const status = statusOf(invitation);
  if (status !== InvitationStatus.PENDING) {
    throw new AppError('INVITATION_CLOSED', status === InvitationStatus.EXPIRED ? msg('This invitation has expired. Ask your admin to resend it.') : NOT_VALID, 'token');
  }
  const user = await ctx.em.findOne(User, { email: invitation.email });
  if (!user) throw new AppError('INVITATION_INVALID', NOT_VALID, 'token');
  const newPassword = user.passwordHash ? null : (checkNewPassword('password', input.password, user), await hashPassword(input.password));
  const knownPassword = user.passwordHash;
  if (knownPassword && !(await checkPasswordThrottled(ctx, user.email, 'password', () => verifyPassword(knownPassword, input.password)))) {
    throw new InvalidInputError('password', msg('The password is not correct. Use the password you already sign in with.'));
  }
  // A password is not enough for someone with 2-step verification on: they join the account here
  // and sign in through both steps on the sign-in page.
  const needsSecondStep = !newPassword && (await twoStepStatus(ctx.em, user.id)).enabled;
  const accountId = invitation.account.id;
  const token = newToken();
  const expiresAt = new Date(Date.now() + ctx.config.sessionDays * 86_400_000);
  const viewer = await inTransaction(ctx, async (tx) => {
    const membership = await tx.em.findOne(Membership, { user, account: accountId }, { filters: false });
    if (!membership || membership.status !== MembershipStatus.INVITED) throw new AppError('INVITATION_INVALID', NOT_VALID, 'token');
    const open = await tx.em.findOneOrFail(Invitation, { id: invitation.id }, { filters: false });
    if (open.status !== StoredStatus.PENDING) throw new AppError('INVITATION_CLOSED', NOT_VALID, 'token');
    open.status = StoredStatus.ACCEPTED;
    open.acceptedAt = new Date();
    membership.status = MembershipStatus.ACTIVE;
    membership.version += 1;
    membership.accepted(user);
    if (newPassword) user.passwordHash = newPassword;
    user.lastSignInAt = new Date();
    // The session opened here is the person's first sign-in to this account.
    if (!needsSecondStep) membership.lastSignInAt = user.lastSignInAt;
    const session = needsSecondStep
      ? null
      : tx.em.create(Session, {
          tokenHash: hashToken(token),
          user,
          account: invitation.account,
          expiresAt,
          ip: ctx.req.ip ?? null,
          userAgent: ctx.req.headers['user-agent']?.slice(0, 400) ?? null,
        });
    const signedIn = { userId: user.id, accountId, role: membership.role, sessionId: session?.id ?? null, token: null };
    const accountTx: AccountContext = { ...tx, viewer: signedIn };
    tx.em.setFilterParams('tenant', { accountId });
    recordAudit(accountTx, {
      action: 'invitation.accept',
      targetType: 'user',
      targetId: user.id,
      summary: newPassword ? msg('{email} accepted the invitation and set a password', { email: user.email }) : msg('{email} accepted the invitation', { email: user.email }),
      before: { status: MembershipStatus.INVITED },
      after: { status: MembershipStatus.ACTIVE },
    });
    publishWebhookEvent(accountTx, WebhookEventType.MEMBER_JOINED, accountId, { userId: user.id, email: user.email, role: membership.role });
    await tx.em.flush();
    return signedIn;
  });
  if (needsSecondStep) return null;
  writeSessionCookie(ctx.res, ctx.config, token, expiresAt);
  ctx.viewer = viewer;
  ctx.em.setFilterParams('tenant', { accountId });
  return (await currentViewer(ctx))!;
}
