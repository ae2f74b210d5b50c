import { describe, expect, it } from 'vitest';
import { runTokensCli } from '../src/cli';
import type { Db } from '../src/db';
import { authenticate } from '../src/tokens';

/** The tokens CLI, run in process on the suite's database (an in-memory one stands in for PGLITE_DIR). */
export function cliSuite(getDb: () => Db): void {
  describe('tokens CLI', () => {
    const lines: { log: string[]; error: string[] } = { log: [], error: [] };
    const io = { log: (l: string) => lines.log.push(l), error: (l: string) => lines.error.push(l) };
    const open = async () => ({ ...getDb(), close: async () => {} });
    const run = (argv: string[]) => {
      lines.log.length = 0;
      lines.error.length = 0;
      return runTokensCli(argv, { PGLITE_DIR: '/unused' }, io, open);
    };

    it('creates, lists and revokes tokens; the server accepts a created token until revoked', async () => {
      await getDb().exec('TRUNCATE items, tokens');
      expect(await run(['create', '--kind', 'agent', '--agent-id', 'agent-7', '--name', 'Grace', '--json'])).toBe(0);
      const created = JSON.parse(lines.log[0]!) as { token: string; id: string; agentId: string };
      expect(created.agentId).toBe('agent-7');
      expect(await authenticate(getDb(), created.token)).toMatchObject({ id: created.id, kind: 'agent', agentId: 'agent-7' });

      expect(await run(['create', '--kind', 'supervisor', '--name', 'Sam'])).toBe(0);
      expect(lines.log.join('\n')).toMatch(/Created supervisor token tok_\w+[\s\S]*cl_sup_/);

      expect(await run(['list'])).toBe(0);
      expect(lines.log).toHaveLength(2);
      expect(lines.log.join('\n')).not.toContain(created.token);

      expect(await run(['revoke', created.id])).toBe(0);
      expect(await authenticate(getDb(), created.token)).toBeNull();
      expect(await run(['revoke', created.id])).toBe(1);
    });

    it('refuses an agent token without an agent id', async () => {
      await expect(run(['create', '--kind', 'agent', '--name', 'Nobody'])).rejects.toThrow(/agentId/);
    });

    it('refuses to run without a persistent database, and explains usage', async () => {
      expect(await runTokensCli(['list'], {}, io, open)).toBe(2);
      expect(lines.error.join()).toMatch(/DATABASE_URL|PGLITE_DIR/);
      expect(await run(['frobnicate'])).toBe(2);
      expect(lines.error.join()).toMatch(/create --kind agent/);
    });
  });
}
