import type { EntityManager } from '@mikro-orm/knex';
import { VendorRole } from '@seatwise/schema';
import { ConfigError, loadConfig } from '../config.js';
import { migrate, openDatabase } from '../db/database.js';
import { AppError } from '../errors.js';
import { createStaffSetupLink, SETUP_LINK_HOURS } from '../modules/vendor/setup-link.service.js';

/**
 * `npm run seatwise -- operator:create --email ops@vendor.example [--role SUPPORT] [--json]`: a
 * single-use set-up link for a new member of the vendor's staff, for automation (the person still
 * chooses their password and sets up 2-step verification on the page). `--json` prints
 * `{ "url", "expiresAt" }` for scripts.
 */
function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<number> {
  const email = argValue('--email');
  const role = (argValue('--role') ?? VendorRole.OPERATOR).toUpperCase();
  if (!email) {
    console.error('usage: operator:create --email <address> [--role OPERATOR|SUPPORT] [--json]');
    return 2;
  }
  if (!Object.values<string>(VendorRole).includes(role)) {
    console.error(`operator:create: --role must be OPERATOR or SUPPORT, not "${role}".`);
    return 2;
  }
  const config = loadConfig();
  const orm = await openDatabase(config.database);
  try {
    await migrate(orm);
    const link = await createStaffSetupLink(orm.em.fork() as EntityManager, config, email, role as VendorRole);
    if (process.argv.includes('--json')) {
      console.log(JSON.stringify({ url: link.url, expiresAt: link.expiresAt.toISOString() }));
    } else {
      console.log(`Set-up link for ${email.trim().toLowerCase()} (${role}), single use, valid for ${SETUP_LINK_HOURS} hour:\n\n  ${link.url}\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      console.error(`operator:create: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await orm.close(true);
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
