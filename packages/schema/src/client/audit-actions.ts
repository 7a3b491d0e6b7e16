/**
 * Every action a customer account's audit log records (`AuditEntry.action`), grouped as the log's
 * filter shows them. The server's audit writers take only these names (the type checker holds
 * them to this list), and the SPA's filter offers all of them, so no recorded action is missing
 * from the filter. `<target>.<verb>`.
 */
export const customerAuditActionGroups = {
  people: [
    'user.invite',
    'invitation.resend',
    'invitation.revoke',
    'invitation.accept',
    'users.import',
    'user.import.update',
    'user.role.change',
    'user.primary.transfer',
    'user.team.change',
    'user.remove',
    'user.restore',
    'user.delete_self',
  ],
  seats: ['seat.assign', 'seat.unassign', 'seat.restore', 'seat.reclaim', 'reclaim_policy.create', 'reclaim_policy.change', 'reclaim_policy.switch'],
  teams: ['team.create', 'team.rename', 'team.delete'],
  subscriptions: [
    'contract.create',
    'subscription.create',
    'subscription.team.change',
    'subscription.seats.change',
    'subscription.seats.schedule',
    'subscription.renew',
    'subscription.auto-renew',
    'subscription.cancel',
    'subscription.cancel.schedule',
    'subscription.expire',
    'cloud-credits.purchase',
  ],
  products: ['download.file', 'download.package', 'licence.network', 'licence.network.revoked', 'licence.lease.release', 'licence.device.revoke', 'licence.home-use', 'package.create', 'trial.start'],
  support: ['support.open', 'support.message', 'support.message.reopen'],
  developer: ['api_token.create', 'api_token.revoke', 'webhook.create', 'webhook.change', 'webhook.rotate', 'webhook.delete'],
  directory: [
    'directory.token.create',
    'directory.token.revoke',
    'directory.user.create',
    'directory.user.update',
    'directory.user.deactivate',
    'directory.user.reactivate',
    'directory.group.create',
    'directory.group.update',
    'directory.group.delete',
    'sso.provider.add',
    'sso.provider.remove',
    'sso.domain.claim',
    'sso.domain.verify',
    'sso.domain.remove',
    'sso.required.change',
    'sso.user.create',
    'sso.user.link',
    'sso.user.update',
    'sso.break_glass',
  ],
  account: ['report.export', 'account.seed', 'cloud-credits.alert.change', 'report-export.create', 'report-export.update', 'report-export.delete', 'report-export.run', 'report-export.retention'],
} as const;

export type CustomerAuditActionGroup = keyof typeof customerAuditActionGroups;
export type CustomerAuditAction = (typeof customerAuditActionGroups)[CustomerAuditActionGroup][number];

/** The same actions as one list, in the groups' order. */
export const customerAuditActions: readonly CustomerAuditAction[] = Object.values(customerAuditActionGroups).flat();
