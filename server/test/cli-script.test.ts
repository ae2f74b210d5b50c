import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../src/db';

const serverDir = join(import.meta.dirname, '..');

describe('tokens CLI script', () => {
  it('runs as a script (exit code 2 and usage for an unknown command)', async () => {
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'frobnicate'], { cwd: serverDir });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.once('error', reject);
      child.once('close', (code) => resolve({ code, stderr }));
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Careline sync server tokens/);
  }, 60_000);
});

describe('PGlite directory lock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'careline-lock-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a directory another live process holds, naming it', async () => {
    writeFileSync(join(dir, '.careline-server.lock'), String(process.ppid));
    await expect(openDb({ pgliteDir: dir })).rejects.toThrow(new RegExp(`in use by process ${process.ppid}`));
  });
});
