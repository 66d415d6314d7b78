/**
 * The one database client. No DATABASE_URL → embedded PGlite in a local data folder;
 * DATABASE_URL set → a PostgreSQL server through postgres.js. Same schema, same queries.
 *
 * Framework-free on purpose: the Next.js app and the command-line tools (import, setup, reset,
 * export) all open the database here. Always close() what you open, or node stays alive.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { z } from "zod";
import * as schema from "./schema";

export type Schema = typeof schema;
/** Both drivers' databases are this: write queries against it, not against one driver. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle, as passed to db.transaction's callback. */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type Engine = "pglite" | "postgres";

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  PGLITE_DIR: z.string().trim().min(1).default(".data/pglite"),
});

export type DatabaseEnv = z.infer<typeof envSchema>;

let cachedEnv: DatabaseEnv | undefined;

/** The environment, read and validated once; a bad DATABASE_URL fails here with a clear message. */
export function databaseEnv(): DatabaseEnv {
  if (cachedEnv) return cachedEnv;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`invalid database environment: ${detail}`);
  }
  cachedEnv = parsed.data;
  return cachedEnv;
}

/**
 * Runs one statement whose text never varies as a prepared statement: postgres.js names it and
 * the server parses and plans it once per connection; without this, postgres.js sends every
 * statement with parameters twice (a describe round trip for the parameter types, then the
 * execution) and the server parses and plans it each time. For the importer's hot statements
 * only — a statement whose text varies would fill each connection's statement cache. PGlite (one
 * process, no round trips) runs it as usual. Rows come back as plain objects on both engines.
 */
export async function executePrepared<T>(db: Database | Transaction, query: SQL): Promise<T[]> {
  // drizzle keeps the driver client on the session; its public execute() never prepares.
  const internals = db as unknown as { dialect: { sqlToQuery(q: SQL): { sql: string; params: unknown[] } }; session: { client: unknown } };
  const client = internals.session.client as { unsafe?: (text: string, params: unknown[], options: { prepare: boolean }) => Promise<T[]> };
  if (typeof client.unsafe === "function") {
    const { sql: text, params } = internals.dialect.sqlToQuery(query);
    return [...(await client.unsafe(text, params, { prepare: true }))];
  }
  const result = await db.execute(query);
  return (Array.isArray(result) ? result : (result as unknown as { rows: T[] }).rows) as T[];
}

export interface DatabaseHandle {
  db: Database;
  engine: Engine;
  /** Where the data lives: the PGlite folder (or "memory"), or the server URL without password. */
  location: string;
  /** Applies pending migrations with the driver's own drizzle migrator. */
  migrate(): Promise<void>;
  /** Runs raw SQL text (several statements allowed), for operator commands and tests. */
  exec(sqlText: string): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the whole data folder as a tarball (tests load it instead of migrating). */
  dumpDataDir?(): Promise<Blob>;
}

export interface OpenOptions {
  /** Server URL; defaults to DATABASE_URL. Pass null to force PGlite. */
  url?: string | null;
  /** PGlite folder; defaults to PGLITE_DIR. "memory" keeps everything in memory. */
  dataDir?: string;
  /** PGlite: start from this dumped data folder. */
  loadDataDir?: Blob;
  /** postgres.js pool size (default 10, postgres.js's own; the importer keeps 8 transactions in flight). */
  maxConnections?: number;
}

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/** Opens the configured database. PGlite takes a lock on its folder: one process at a time. */
export async function openDatabase(options: OpenOptions = {}): Promise<DatabaseHandle> {
  const env = databaseEnv();
  const url = options.url === undefined ? env.DATABASE_URL : (options.url ?? undefined);
  if (url) return openPostgres(url, options.maxConnections ?? 10);
  return openPglite(options.dataDir ?? env.PGLITE_DIR, options.loadDataDir);
}

function openPostgres(url: string, max: number): DatabaseHandle {
  const client = postgres(url, { max, onnotice: () => {} });
  const db = drizzlePostgres({ client, schema }) as unknown as Database;
  return {
    db,
    engine: "postgres",
    location: redactPassword(url),
    migrate: () => migratePostgres(db as never, { migrationsFolder: MIGRATIONS_FOLDER }),
    exec: async (sqlText) => {
      await client.unsafe(sqlText);
    },
    close: () => client.end({ timeout: 5 }),
  };
}

async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<DatabaseHandle> {
  const inMemory = dataDir === "memory";
  const folder = inMemory ? undefined : path.resolve(dataDir);
  const releaseLock = folder ? lockDataFolder(folder) : () => {};
  let client: PGlite;
  try {
    client = await PGlite.create({ dataDir: folder, loadDataDir });
  } catch (cause) {
    releaseLock();
    throw new Error(`could not open the PGlite data folder ${folder ?? "(memory)"}`, { cause });
  }
  const db = drizzlePglite({ client, schema }) as unknown as Database;
  return {
    db,
    engine: "pglite",
    location: folder ?? "memory",
    migrate: () => migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER }),
    exec: async (sqlText) => {
      await client.exec(sqlText);
    },
    close: async () => {
      try {
        if (!client.closed) await client.close();
      } finally {
        releaseLock();
      }
    },
    // A checkpoint first, so the dump holds every committed write and not only what reached the data files.
    dumpDataDir: async () => {
      await client.exec("CHECKPOINT");
      return client.dumpDataDir("none");
    },
  };
}

/** Raised when another process holds the PGlite data folder. */
export class DatabaseLockedError extends Error {
  constructor(
    readonly folder: string,
    readonly holderPid: number,
  ) {
    super(
      `the PGlite data folder ${folder} is in use by process ${holderPid}; ` +
        `PGlite serves one process at a time — stop that process (the app or another import) and retry, ` +
        `or set DATABASE_URL to use a PostgreSQL server`,
    );
    this.name = "DatabaseLockedError";
  }
}

/**
 * An exclusive lock file next to the data folder, holding our pid. PGlite has no locking of its
 * own and two processes writing one folder corrupt it. A lock left by a dead process is taken over
 * (the app killed by a signal leaves one behind; the next start must not be refused).
 */
const heldFolders = new Set<string>();

function lockDataFolder(folder: string): () => void {
  mkdirSync(path.dirname(folder), { recursive: true });
  const lockFile = `${folder}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      heldFolders.add(folder);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        heldFolders.delete(folder);
        process.off("exit", release);
        rmSync(lockFile, { force: true });
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readLock(lockFile));
      if (heldFolders.has(folder)) throw new DatabaseLockedError(folder, process.pid);
      // Our own pid without our own hold is a lock from an earlier life (a container's pid 1 restarting).
      const otherLiveProcess = holder !== process.pid && Number.isInteger(holder) && holder > 0 && isAlive(holder);
      if (otherLiveProcess) throw new DatabaseLockedError(folder, holder);
      rmSync(lockFile, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`could not take the lock ${lockFile}`);
}

function readLock(lockFile: string): string {
  try {
    return readFileSync(lockFile, "utf8").trim();
  } catch {
    return "";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(server)";
  }
}

// ── the app's shared handle ─────────────────────────────────────────────────────────────────

const shared = globalThis as unknown as { __atlasDb?: Promise<DatabaseHandle> };

/**
 * The process-wide database for the web app (kept on globalThis so dev reloads reuse it).
 * The schema is migrated by `npm run db:setup` before the app starts.
 */
export async function getDb(): Promise<Database> {
  shared.__atlasDb ??= openDatabase().catch((error: unknown) => {
    shared.__atlasDb = undefined;
    throw error;
  });
  return (await shared.__atlasDb).db;
}

