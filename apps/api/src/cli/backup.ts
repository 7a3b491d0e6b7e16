import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { EntityManager } from '@mikro-orm/knex';
import type { Config } from '../config.js';
import { openDatabase } from '../db/database.js';

/**
 * Backups of one Seatwise: the database and the data folder (the authenticator key `secret.key`,
 * the download-link and licence keys under `secrets/`, the catalogue's product files, built
 * packages, the mail outbox), with a manifest written last, so a folder without one is no backup.
 *
 *   <backup>/seatwise-backup.json   what it holds
 *   <backup>/database.sqlite        SQLite: an online backup (SQLite's backup API), taken while serving
 *   <backup>/database.pgdump        PostgreSQL: `pg_dump --format=custom`
 *   <backup>/data/…                 the data folder, without the SQLite files
 *
 * The database is copied first, then the files: every file a row of the copy names was written
 * before that row, so it is in the copy too (files deleted meanwhile may be left over, which is harmless).
 */
export const MANIFEST = 'seatwise-backup.json';
const SQLITE_COPY = 'database.sqlite';
const PG_DUMP = 'database.pgdump';

export interface BackupManifest {
  format: 1;
  createdAt: string;
  driver: Config['database']['driver'];
  /** The database's file in the backup folder. */
  database: string;
  /** The migrations the copied database has, oldest first. */
  migrations: string[];
  /** Files copied from the data folder. */
  files: number;
  /** Authenticator secrets were sealed with SEATWISE_SECRET_KEY, not the data folder's secret.key: the restored instance needs the same value. */
  secretKeyFromEnvironment: boolean;
}

export class BackupError extends Error {}

/** better-sqlite3's connection, as the ORM's pool hands it out. */
interface SqliteConnection {
  backup(destination: string, options?: { progress(info: { totalPages: number; remainingPages: number }): number }): Promise<unknown>;
  constructor: new (file: string, options?: { readonly?: boolean; fileMustExist?: boolean; nativeBinding?: string }) => SqliteHandle;
}
interface SqliteHandle {
  pragma(text: string, options: { simple: true }): unknown;
  close(): void;
}

const isInside = (folder: string, path: string) => {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/** The SQLite files (database, WAL, shared memory, journal) that live in the data folder, when it does. */
function sqliteFiles(config: Config): Set<string> {
  if (config.database.driver !== 'sqlite') return new Set();
  const file = config.database.file;
  return new Set([file, `${file}-wal`, `${file}-shm`, `${file}-journal`]);
}

/** Copies a folder tree; a file that vanished while copying (a discarded upload) is skipped. */
function copyTree(from: string, to: string, skip: (path: string) => boolean): number {
  let count = 0;
  mkdirSync(to, { recursive: true, mode: statSync(from).mode & 0o777 });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    if (skip(source)) continue;
    const target = join(to, entry.name);
    try {
      if (entry.isDirectory()) count += copyTree(source, target, skip);
      else if (entry.isFile()) {
        // copyFile keeps the mode: secret.key stays readable by its owner only.
        copyFileSync(source, target);
        count += 1;
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return count;
}

function integrityOf(connection: SqliteConnection, file: string): void {
  // Not read-only: closing a writable connection checkpoints and removes the copy's -wal and -shm files.
  // The same compiled binding as the ORM's connection (see sqliteBinding in db/orm.config.ts).
  const nativeBinding = process.env.SEATWISE_SQLITE_BINDING;
  const handle = new connection.constructor(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    const answer = handle.pragma('integrity_check', { simple: true });
    if (answer !== 'ok') throw new BackupError(`The copy ${file} fails SQLite's integrity check: ${String(answer)}`);
  } finally {
    handle.close();
  }
}

function pgTool(tool: 'pg_dump' | 'pg_restore', args: string[]): void {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new BackupError(`${tool} is not on PATH: install the PostgreSQL client tools of the server's major version (e.g. postgresql-client-16).`);
  }
  if (result.status !== 0) throw new BackupError(`${tool} failed (exit ${result.status ?? result.signal}): ${result.stderr.trim()}`);
}

/** Backs up the configured database and data folder into `target` (absent or empty), while Seatwise serves. */
export async function backup(config: Config, target: string): Promise<BackupManifest> {
  const folder = resolve(target);
  if (existsSync(folder) && readdirSync(folder).length) throw new BackupError(`${folder} is not empty: back up into a new folder.`);
  if (isInside(config.dataDir, folder)) throw new BackupError(`${folder} is inside the data folder ${config.dataDir}: back up somewhere else.`);
  if (config.database.driver === 'sqlite' && !existsSync(config.database.file)) {
    throw new BackupError(`There is no database at ${config.database.file}: check DATABASE_URL.`);
  }
  mkdirSync(folder, { recursive: true, mode: 0o700 });

  const orm = await openDatabase(config.database);
  let migrations: string[];
  try {
    migrations = (await orm.getMigrator().getExecutedMigrations()).map((migration) => migration.name);
    if (config.database.driver === 'sqlite') {
      const knex = (orm.em as EntityManager).getKnex();
      const connection = (await knex.client.acquireConnection()) as SqliteConnection;
      try {
        // SQLite's online backup: a consistent copy while other connections (the server) keep writing.
        // All remaining pages in one step: a write by another connection between small steps
        // restarts the copy, which under steady writes would never end. One step reads one
        // snapshot; in WAL mode writers carry on meanwhile.
        await connection.backup(join(folder, SQLITE_COPY), { progress: () => 0x7fffffff });
        integrityOf(connection, join(folder, SQLITE_COPY));
      } finally {
        await knex.client.releaseConnection(connection);
      }
    } else {
      // One snapshot of the whole database (pg_dump reads in a single repeatable-read transaction).
      pgTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', '--file', join(folder, PG_DUMP), config.database.url]);
    }
  } finally {
    await orm.close(true);
  }

  const skip = sqliteFiles(config);
  const files = existsSync(config.dataDir) ? copyTree(config.dataDir, join(folder, 'data'), (path) => skip.has(path) || path === folder) : 0;
  const manifest: BackupManifest = {
    format: 1,
    createdAt: new Date().toISOString(),
    driver: config.database.driver,
    database: config.database.driver === 'sqlite' ? SQLITE_COPY : PG_DUMP,
    migrations,
    files,
    secretKeyFromEnvironment: config.secretKey !== null,
  };
  writeFileSync(join(folder, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return manifest;
}

export function readManifest(source: string): BackupManifest {
  const file = join(resolve(source), MANIFEST);
  if (!existsSync(file)) throw new BackupError(`${source} holds no ${MANIFEST}: it is not a finished Seatwise backup.`);
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as BackupManifest;
  if (manifest.format !== 1) throw new BackupError(`${file} has format ${String(manifest.format)}, which this release cannot read.`);
  return manifest;
}

/**
 * Restores a backup into the configured database and data folder, which must be fresh: no SQLite
 * file / an empty PostgreSQL database, and an absent or empty data folder. Pending migrations of a
 * newer release apply when Seatwise next starts.
 */
export async function restore(config: Config, source: string): Promise<BackupManifest> {
  const folder = resolve(source);
  const manifest = readManifest(folder);
  if (manifest.driver !== config.database.driver) {
    throw new BackupError(`The backup is of a ${manifest.driver} database, but DATABASE_URL names ${config.database.driver}: restore into the same kind.`);
  }
  const dataEntries = existsSync(config.dataDir) ? readdirSync(config.dataDir).filter((name) => !sqliteFiles(config).has(join(config.dataDir, name))) : [];
  if (dataEntries.length) throw new BackupError(`The data folder ${config.dataDir} is not empty: restore into a fresh one (SEATWISE_DATA_DIR).`);

  if (config.database.driver === 'sqlite') {
    const file = config.database.file;
    if (file === ':memory:') throw new BackupError('DATABASE_URL names an in-memory database: restore into a file.');
    if (existsSync(file) && lstatSync(file).size > 0) throw new BackupError(`${file} already exists: restore into a fresh file (DATABASE_URL), or move it away first.`);
    mkdirSync(dirname(file), { recursive: true });
    copyFileSync(join(folder, manifest.database), file);
  } else {
    const orm = await openDatabase(config.database);
    try {
      const [row] = await orm.em.getConnection().execute<{ tables: number | string }[]>(
        "select count(*) as tables from information_schema.tables where table_schema = current_schema()",
      );
      if (Number(row?.tables) > 0) throw new BackupError('The PostgreSQL database of DATABASE_URL is not empty: restore into a freshly created one.');
    } finally {
      await orm.close(true);
    }
    pgTool('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--dbname', config.database.url, join(folder, manifest.database)]);
  }
  if (existsSync(join(folder, 'data'))) copyTree(join(folder, 'data'), config.dataDir, () => false);

  // The restored file is checked as the server will open it.
  if (config.database.driver === 'sqlite') {
    const orm = await openDatabase(config.database);
    try {
      const [check] = await orm.em.getConnection().execute<{ integrity_check: string }[]>('pragma integrity_check');
      if (check?.integrity_check !== 'ok') throw new BackupError(`The restored database fails SQLite's integrity check: ${String(check?.integrity_check)}`);
    } finally {
      await orm.close(true);
    }
  }
  return manifest;
}
