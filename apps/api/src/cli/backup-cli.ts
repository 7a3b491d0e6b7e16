import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '../config.js';
import { backup, BackupError, restore } from './backup.js';

/**
 * `npm run seatwise -- backup <folder>`: a consistent copy of the database (SQLite's online backup
 * while Seatwise serves, or pg_dump) and of the data folder, into a new folder.
 * `npm run seatwise -- restore <folder>`: puts one back into a fresh database and data folder
 * (DATABASE_URL and SEATWISE_DATA_DIR, as the server reads them). Relative folders are taken from
 * where the command was typed.
 */
async function main(): Promise<number> {
  const [command, folder] = process.argv.slice(2);
  if ((command !== 'backup' && command !== 'restore') || !folder) {
    console.error('usage: backup <new folder> | restore <backup folder>');
    return 2;
  }
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), folder);
  const config = loadConfig();
  if (command === 'backup') {
    const manifest = await backup(config, path);
    console.log(`Backed up the ${manifest.driver} database (${manifest.migrations.length} migrations) and ${manifest.files} files of ${config.dataDir} into ${path}.`);
    if (manifest.secretKeyFromEnvironment) console.log('Authenticator secrets are sealed with SEATWISE_SECRET_KEY: keep that value with the backup, it is not in it.');
  } else {
    const manifest = await restore(config, path);
    console.log(`Restored the backup of ${manifest.createdAt} into ${config.database.driver === 'sqlite' ? config.database.file : 'the database of DATABASE_URL'} and ${config.dataDir}. Start Seatwise on them; a newer release migrates at start.`);
    if (manifest.secretKeyFromEnvironment) console.log('This backup needs the SEATWISE_SECRET_KEY it was made with.');
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof BackupError || error instanceof ConfigError) {
      console.error(`seatwise: ${error.message}`);
      process.exit(1);
    }
    throw error;
  },
);
