import { parseArgs } from 'node:util';
import { openDb } from './db';
import { migrate } from './migrations';
import { createToken, listTokens, revokeToken, type TokenKind } from './tokens';

const USAGE = `Careline sync server tokens (uses DATABASE_URL, else PGLITE_DIR):
  npm --workspace server run tokens -- create --kind agent --agent-id <agentId> --name "<who>"
  npm --workspace server run tokens -- create --kind supervisor --name "<who>"
  npm --workspace server run tokens -- list
  npm --workspace server run tokens -- revoke <tokenId>`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { kind: { type: 'string' }, 'agent-id': { type: 'string' }, name: { type: 'string' }, json: { type: 'boolean' } },
  });
  const [command, arg] = positionals;
  if (!command || !['create', 'list', 'revoke'].includes(command)) {
    console.error(USAGE);
    return 2;
  }
  if (!process.env.DATABASE_URL && !process.env.PGLITE_DIR) {
    console.error('Set DATABASE_URL (PostgreSQL) or PGLITE_DIR (the server\'s PGlite directory): an in-memory database would forget the token.');
    return 2;
  }
  const db = await openDb({ databaseUrl: process.env.DATABASE_URL || undefined, pgliteDir: process.env.PGLITE_DIR || undefined });
  try {
    await migrate(db);
    switch (command) {
      case 'create': {
        const created = await createToken(db, {
          kind: values.kind as TokenKind,
          agentId: values['agent-id'],
          name: values.name ?? '',
        });
        if (values.json) console.log(JSON.stringify(created));
        else {
          console.log(`Created ${created.kind} token ${created.id}${created.agentId ? ` for agent ${created.agentId}` : ''}.`);
          console.log(`Secret (shown once, give it to ${created.name}):\n${created.token}`);
        }
        return 0;
      }
      case 'list': {
        const tokens = await listTokens(db);
        if (values.json) console.log(JSON.stringify(tokens));
        else
          for (const t of tokens)
            console.log(`${t.id}\t${t.kind}\t${t.agentId ?? '-'}\t${t.name}\t${t.revokedAt ? `revoked ${t.revokedAt}` : 'active'}`);
        return 0;
      }
      case 'revoke': {
        if (!arg) {
          console.error(USAGE);
          return 2;
        }
        const revoked = await revokeToken(db, arg);
        console.log(revoked ? `Revoked ${arg}.` : `No active token ${arg}.`);
        return revoked ? 0 : 1;
      }
      default:
        return 2;
    }
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  },
);
