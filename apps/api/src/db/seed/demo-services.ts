import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { Role, VendorRole } from '@seatwise/schema';
import { type Config, loadConfig } from '../../config.js';
import type { AccountContext, RequestContext } from '../../context.js';
import type { StaffContext } from '../../graphql/vendor-access.js';
import { createLogger } from '../../logger.js';
import { EventBus } from '../../modules/jobs/event-bus.js';
import { isPostgres } from '../database.js';
import { absent as absentPart } from '../../common/absent.js';

/** A part of a request the seed has none of (HTTP, mail, SMS, rate limits): any use of it fails loudly. */
const absent = <T extends object>(what: string): T => absentPart<T>('The demo seed', what);

/**
 * The contexts the demo seed calls the services with: the demo operator in the Vendor console
 * (a staff context, as `graphql/vendor-access.ts` builds for a request) and a customer's primary
 * admin in their account. Each call gets a fresh entity manager, as each request does.
 *
 * The seed's event bus has no subscribers and never runs: what the services publish (version
 * releases, the primary admins' invitations) is recorded for nobody, so seeding mails no one
 * (the demo's primary admins are signed up by the seed itself, see demo.ts). Its clock is the
 * seed's `today`, moved for one call for what happened on another day (a publication, a purchase).
 */
export interface DemoServices {
  config: Config;
  /** The operator; `at` moves the clock of this call only (what happened on another day). */
  staff(at?: Date): StaffContext;
  asAdmin(accountId: string, userId: string): AccountContext;
}

export function demoServices(orm: MikroORM, operatorId: string, today: Date, dataDir: string | null): DemoServices {
  const defaults = loadConfig({});
  const config: Config = {
    ...defaults,
    // Only the driver is read (PostgreSQL's row locks); the connection is the seed's own.
    database: isPostgres(orm.em as EntityManager) ? { driver: 'postgresql', url: orm.config.get('clientUrl') ?? '' } : defaults.database,
    // No service the seed calls writes into it; without one, nothing is written.
    dataDir: dataDir ?? defaults.dataDir,
    now: () => new Date(today),
  };
  const log = createLogger('silent');
  const base: Omit<RequestContext, 'em'> = {
    viewer: null,
    staff: null,
    config,
    req: absent('an HTTP request'),
    res: absent('an HTTP response'),
    mail: absent('mail'),
    sms: absent('text messages'),
    outbox: absent('an outbox'),
    events: new EventBus(orm, log),
    limits: absent('rate limits'),
    oidc: absent('the OpenID provider'),
    brandName: () => Promise.reject(new Error('The demo seed runs without the brand: a service it calls read its name')),
    log,
  };
  return {
    config,
    staff: (at) => ({
      ...base,
      config: at ? { ...config, now: () => new Date(at) } : config,
      em: orm.em.fork() as EntityManager,
      staff: { userId: operatorId, role: VendorRole.OPERATOR, sessionId: null, token: null },
    }),
    asAdmin(accountId, userId) {
      const em = orm.em.fork() as EntityManager;
      em.setFilterParams('tenant', { accountId });
      return { ...base, em, viewer: { userId, accountId, role: Role.PRIMARY_ADMIN, sessionId: null, token: null } };
    },
  };
}
