import type { Request, Response } from 'express';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { ApiScope, ApiTokenKind, Role } from '@seatwise/schema';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { RateLimits } from './modules/identity/rate-limits.js';
import type { EventBus } from './modules/jobs/event-bus.js';
import type { Mailer } from './modules/mail/mailer.js';
import type { Outbox } from './modules/mail/outbox.js';
import type { SmsSender } from './modules/mail/sms.js';
import type { StaffViewer } from './modules/identity/staff/staff-session.service.js';
import type { OidcProvider } from './modules/oidc/oidc-provider.js';

/** The API token a request came with (`Authorization: Bearer`), and what it may do. */
export interface TokenGrant {
  id: string;
  kind: ApiTokenKind;
  scopes: ApiScope[];
}

/**
 * Who is asking: set from the session cookie or an API token, never from arguments. With a
 * personal token `userId` is its owner; with a service token, the admin who created it (audit
 * entries name them) and `role` is SECONDARY_ADMIN.
 */
export interface Viewer {
  userId: string;
  accountId: string;
  role: Role;
  /** The session of a signed-in person; null when the request came with an API token. */
  sessionId: string | null;
  /** The API token of the request; null for a signed-in person. */
  token: TokenGrant | null;
  /**
   * Set when the account's directory acts through SCIM (`modules/directory`): `userId` is the
   * admin who made the SCIM token, but audit entries name the directory, not them.
   */
  directory?: boolean;
  /**
   * Set when a reclaim policy acts through its scheduled job (`modules/reclaim`): `userId` is the
   * admin who switched it on; the seat ledger names the policy.
   */
  policyId?: string;
}

/**
 * The request context every service method takes first. `em` is forked per request and, once a
 * session is found, its tenant filter is bound to the viewer's account.
 */
export interface RequestContext {
  em: EntityManager;
  viewer: Viewer | null;
  /**
   * A member of the vendor's staff, signed in to the Vendor console (their own session cookie).
   * They belong to no customer account, so `viewer` stays null for them and every customer
   * operation refuses them; vendor operations check this (`graphql/vendor-access.ts`).
   */
  staff: StaffViewer | null;
  config: Config;
  req: Request;
  res: Response;
  /** Mail goes through `events` (published in the transaction, sent after commit); this is for subscribers. */
  mail: Mailer;
  /** Sign-in codes only, sent right away after their transaction commits (see ARCHITECTURE.md). */
  sms: SmsSender;
  outbox: Outbox;
  /** The after-commit event bus: `publish(tx, …)` from `modules/jobs/event-bus.ts`. */
  events: EventBus;
  /** Brute-force counters shared by every instance (in the database). */
  limits: RateLimits;
  /** The OpenID provider of the vendor's products (`modules/oidc`). */
  oidc: OidcProvider;
  /** The vendor's brand name as set now (V-07): authenticator apps list a code under it. */
  brandName: () => Promise<string>;
  /** Logs under the request's id. */
  log: Logger;
}

/** The context of a signed-in request; services that need an account take this one. */
export type AccountContext = RequestContext & { viewer: Viewer };

/** What every request shares: built once per app. */
export interface Services {
  orm: MikroORM;
  config: Config;
  mail: Mailer;
  sms: SmsSender;
  outbox: Outbox;
  events: EventBus;
  limits: RateLimits;
  oidc: OidcProvider;
  brandName: () => Promise<string>;
}

/**
 * A request context for GraphQL and the REST routes alike, on the entity manager the request
 * already forked (to find its viewer) or a fresh one; with a viewer, its tenant filter is bound to
 * the viewer's account.
 */
export function contextFor(
  services: Services,
  req: Request,
  res: Response,
  viewer: Viewer | null,
  em = services.orm.em.fork() as EntityManager,
): RequestContext {
  const { config, mail, sms, outbox, events, limits, oidc, brandName } = services;
  if (viewer) em.setFilterParams('tenant', { accountId: viewer.accountId });
  return { em, viewer, staff: null, config, req, res, mail, sms, outbox, events, limits, oidc, brandName, log: req.log };
}
