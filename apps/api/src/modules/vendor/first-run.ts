import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import { firstRunSetupLink, SETUP_LINK_HOURS } from './setup-link.service.js';

/**
 * At start-up of an install with nobody on the vendor's staff (a first run in production: the
 * demo seeds its own operator), prints and logs a single-use link that creates the first
 * operator. Once there is staff, prints nothing. Answers the link, for tests.
 */
export async function announceFirstRun(orm: MikroORM, config: Config, logger: Logger, print: (text: string) => void = console.log): Promise<string | null> {
  const link = await firstRunSetupLink(orm.em.fork() as EntityManager, config);
  if (!link) return null;
  print(
    [
      '',
      '  Seatwise has no vendor operator yet. Open this link to create the first one',
      `  (password and 2-step verification); it works once, for ${SETUP_LINK_HOURS} hour:`,
      '',
      `    ${link.url}`,
      '',
      '  Expired? Restart the server, or run `npm run seatwise -- operator:create --email you@example.com`.',
      '',
    ].join('\n'),
  );
  logger.warn({ setupUrl: link.url, expiresAt: link.expiresAt.toISOString() }, 'first run: set-up link for the first vendor operator');
  return link.url;
}
