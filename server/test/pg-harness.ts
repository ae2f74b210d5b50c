import { spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Starts a throwaway PostgreSQL (initdb into a temp dir, pg_ctl on a free loopback port) for the
 * real-PG tests, and stops it after. PostgreSQL refuses to run as root: as root, the server runs
 * as the `postgres` user (which Debian's postgresql package creates), else as `nobody`.
 */
export interface RealPostgres {
  url: string;
  stop(): Promise<void>;
}

export type PgAvailability = { available: true; binDir: string } | { available: false; reason: string };

export function findPostgresBinaries(): PgAvailability {
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    // 15 first: the version the issue names; then the newest installed.
    for (const v of ['15', ...versions]) candidates.push(join(root, v, 'bin'));
  }
  for (const dir of ['/usr/local/pgsql/bin', '/usr/local/bin', '/usr/bin']) candidates.push(dir);
  for (const dir of candidates) {
    if (existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return { available: true, binDir: dir };
  }
  return { available: false, reason: `initdb/pg_ctl not found (looked in PG_BIN, ${root}/*/bin, /usr/local/pgsql/bin, /usr/bin)` };
}

function lookupUser(name: string): { uid: number; gid: number } | null {
  try {
    const line = readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${name}:`));
    if (!line) return null;
    const [, , uid, gid] = line.split(':');
    return { uid: Number(uid), gid: Number(gid) };
  } catch {
    return null;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

function run(cmd: string, args: string[], identity: { uid: number; gid: number } | null, cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(identity ? { uid: identity.uid, gid: identity.gid } : {}),
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}:\n${output}`))));
  });
}

export async function startRealPostgres(binDir: string): Promise<RealPostgres> {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const identity = isRoot ? (lookupUser('postgres') ?? lookupUser('nobody')) : null;
  if (isRoot && !identity) throw new Error('Running as root with neither a postgres nor a nobody user to run PostgreSQL as.');
  // As root, TMPDIR may point somewhere the postgres user cannot enter; /tmp it can.
  const dir = mkdtempSync(join(identity ? '/tmp' : tmpdir(), 'careline-pg-'));
  if (identity) chownSync(dir, identity.uid, identity.gid);
  const data = join(dir, 'data');
  const port = await freePort();
  const pgCtl = join(binDir, 'pg_ctl');
  try {
    await run(join(binDir, 'initdb'), ['-D', data, '-U', 'careline', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'], identity, dir);
    await run(
      pgCtl,
      ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`, 'start'],
      identity,
      dir,
    );
  } catch (error) {
    const log = existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8') : '';
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${(error as Error).message}\n${log}`);
  }
  return {
    url: `postgres://careline@127.0.0.1:${port}/postgres`,
    async stop() {
      try {
        await run(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop'], identity, dir);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Whether missing binaries fail the run (CI) or skip the real-PG tests with a printed reason. */
export function realPostgresPolicy(): { run: boolean; binDir?: string; reason?: string } {
  const found = findPostgresBinaries();
  if (found.available) return { run: true, binDir: found.binDir };
  if (process.env.CI === 'true' || process.env.CI === '1') {
    throw new Error(`CI=true but PostgreSQL binaries are missing: ${found.reason}. Install postgresql (apt-get install -y postgresql).`);
  }
  console.warn(`Skipping the real-PostgreSQL tests: ${found.reason}.`);
  return { run: false, reason: found.reason };
}
