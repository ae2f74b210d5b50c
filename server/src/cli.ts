import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { openDb, type Db, type OpenDbOptions } from './db';
import { migrate } from './migrations';
import { createToken, listTokens, revokeToken, type TokenKind } from './tokens';

const USAGE = `Careline sync server tokens (uses DATABASE_URL, else PGLITE_DIR):
  npm --workspace server run tokens -- create --kind agent --agent-id <agentId> --name "<who>"
  npm --workspace server run tokens -- create --kind supervisor --name "<who>"
  npm --workspace server run tokens -- list
  npm --workspace server run tokens -- revoke <tokenId>`;

export interface CliIo {
  log(line: string): void;
  error(line: string): void;
}

/** The tokens CLI as a function (exit code out), so tests can run it in process. */
export async function runTokensCli(
  argv: string[],
  env: Record<string, string | undefined>,
  io: CliIo = { log: (l) => console.log(l), error: (l) => console.error(l) },
  open: (options: OpenDbOptions) => Promise<Db> = openDb,
): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { kind: { type: 'string' }, 'agent-id': { type: 'string' }, name: { type: 'string' }, json: { type: 'boolean' } },
  });
  const [command, arg] = positionals;
  if (!command || !['create', 'list', 'revoke'].includes(command)) {
    io.error(USAGE);
    return 2;
  }
  if (!env.DATABASE_URL && !env.PGLITE_DIR) {
    io.error('Set DATABASE_URL (PostgreSQL) or PGLITE_DIR (the server\'s PGlite directory): an in-memory database would forget the token.');
    return 2;
  }
  const db = await open({ databaseUrl: env.DATABASE_URL || undefined, pgliteDir: env.PGLITE_DIR || undefined });
  try {
    await migrate(db);
    switch (command) {
      case 'create': {
        const created = await createToken(db, {
          kind: values.kind as TokenKind,
          agentId: values['agent-id'],
          name: values.name ?? '',
        });
        if (values.json) io.log(JSON.stringify(created));
        else {
          io.log(`Created ${created.kind} token ${created.id}${created.agentId ? ` for agent ${created.agentId}` : ''}.`);
          io.log(`Secret (shown once, give it to ${created.name}):\n${created.token}`);
        }
        return 0;
      }
      case 'list': {
        const tokens = await listTokens(db);
        if (values.json) io.log(JSON.stringify(tokens));
        else
          for (const t of tokens)
            io.log(`${t.id}\t${t.kind}\t${t.agentId ?? '-'}\t${t.name}\t${t.revokedAt ? `revoked ${t.revokedAt}` : 'active'}`);
        return 0;
      }
      case 'revoke': {
        if (!arg) {
          io.error(USAGE);
          return 2;
        }
        const revoked = await revokeToken(db, arg);
        io.log(revoked ? `Revoked ${arg}.` : `No active token ${arg}.`);
        return revoked ? 0 : 1;
      }
      default:
        return 2;
    }
  } finally {
    await db.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runTokensCli(process.argv.slice(2), process.env).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error((error as Error).message);
      process.exit(1);
    },
  );
}
