import type { Request, Response } from 'express';
import type { EntityManager } from '@mikro-orm/knex';
import type { ApiScope, ApiTokenKind, Role } from '@seatwise/schema';
import type { Config } from './config.js';

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
}

/**
 * The request context every service method takes first. `em` is forked per request and, once a
 * session is found, its tenant filter is bound to the viewer's account.
 */
export interface RequestContext {
  em: EntityManager;
  viewer: Viewer | null;
  config: Config;
  req: Request;
  res: Response;
}

/** The context of a signed-in request; services that need an account take this one. */
export type AccountContext = RequestContext & { viewer: Viewer };
