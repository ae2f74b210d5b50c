import { describe, expect, it } from 'vitest';
import { createSyncRunner, SYNC_LOCK_NAME, withSyncLock } from './lock';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('withSyncLock', () => {
  it('runs callers one at a time with the in-memory mutex', async () => {
    const events: string[] = [];
    const job = (name: string) => async () => {
      events.push(`${name}:start`);
      await tick();
      events.push(`${name}:end`);
      return name;
    };
    const results = await Promise.all([withSyncLock(job('a'), null), withSyncLock(job('b'), null)]);
    expect(results).toEqual(['a', 'b']);
    expect(events).toEqual(['a:start', 'a:end', 'b:start', 'b:end']);
  });

  it('keeps the mutex usable after a failing caller', async () => {
    await expect(withSyncLock(async () => Promise.reject(new Error('x')), null)).rejects.toThrow('x');
    expect(await withSyncLock(async () => 1, null)).toBe(1);
  });

  it('uses Web Locks under the careline-sync name when the context has them', async () => {
    const names: string[] = [];
    const locks = { request: <T>(name: string, fn: () => Promise<T>) => (names.push(name), fn()) };
    expect(await withSyncLock(async () => 'ok', locks)).toBe('ok');
    expect(names).toEqual([SYNC_LOCK_NAME]);
  });
});

describe('createSyncRunner', () => {
  it('coalesces requests made during a pass into one follow-up pass, carrying force', async () => {
    const passes: boolean[] = [];
    let release: () => void = () => {};
    const runner = createSyncRunner(async ({ force }) => {
      passes.push(force);
      await new Promise<void>((r) => (release = r));
      return passes.length;
    }, null);
    const first = runner.request();
    await tick();
    const second = runner.request();
    const third = runner.request({ force: true });
    expect(runner.isRunning()).toBe(true);
    release();
    expect(await first).toBe(1);
    await tick();
    await tick();
    release();
    expect(await second).toBe(2);
    expect(await third).toBe(2);
    expect(passes).toEqual([false, true]);
    expect(runner.isRunning()).toBe(false);
  });
});
