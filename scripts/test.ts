/**
 * `npm test`: typecheck, lint, unit tests (extension and server), build for Chrome and Firefox,
 * then the end-to-end tests in Chromium. Each step's own output streams through; the last line
 * sums every runner's counts as "tests: N passed, N failed".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const results = path.join(root, 'test-results');
mkdirSync(results, { recursive: true });

interface Step {
  name: string;
  command: string;
  args: string[];
  report?: { file: string; kind: 'vitest' | 'playwright' };
}

const onlyE2e = process.argv.includes('--e2e-only');
const skipE2e = process.argv.includes('--no-e2e');

const allSteps: Step[] = [
  { name: 'typecheck', command: 'npx', args: ['tsc', '--noEmit'] },
  { name: 'lint', command: 'npx', args: ['eslint', '.', '--max-warnings=0'] },
  {
    name: 'unit',
    command: 'npx',
    args: ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(results, 'unit.json')}`],
    report: { file: path.join(results, 'unit.json'), kind: 'vitest' },
  },
  {
    name: 'server',
    command: 'npx',
    args: ['vitest', 'run', '--root', 'server', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(results, 'server.json')}`],
    report: { file: path.join(results, 'server.json'), kind: 'vitest' },
  },
  { name: 'build (chrome)', command: 'npm', args: ['run', 'build'] },
  { name: 'build (firefox)', command: 'npm', args: ['run', 'build:firefox'] },
  {
    name: 'e2e',
    command: 'npx',
    args: ['playwright', 'test'],
    report: { file: path.join(results, 'e2e.json'), kind: 'playwright' },
  },
];
const steps = allSteps.filter((s) => (onlyE2e ? s.name === 'e2e' || s.name.startsWith('build') : skipE2e ? s.name !== 'e2e' : true));

function counts(report: NonNullable<Step['report']>): { passed: number; failed: number; skipped: number } {
  if (!existsSync(report.file)) return { passed: 0, failed: 0, skipped: 0 };
  const json = JSON.parse(readFileSync(report.file, 'utf8'));
  if (report.kind === 'vitest') {
    // A suite that fails to load has no failed tests of its own: count it as a failure.
    const brokenSuites = (json.testResults ?? []).filter((r: { status?: string; assertionResults?: unknown[] }) => r.status === 'failed' && (r.assertionResults?.length ?? 0) === 0).length;
    return { passed: json.numPassedTests ?? 0, failed: (json.numFailedTests ?? 0) + brokenSuites, skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0) };
  }
  const s = json.stats ?? {};
  return { passed: s.expected ?? 0, failed: (s.unexpected ?? 0) + (s.flaky ?? 0), skipped: s.skipped ?? 0 };
}

let passed = 0;
let failed = 0;
let skipped = 0;
const failedSteps: string[] = [];
for (const step of steps) {
  console.log(`\n=== ${step.name}: ${step.command} ${step.args.join(' ')}`);
  if (step.report) rmSync(step.report.file, { force: true });
  const started = Date.now();
  const run = spawnSync(step.command, step.args, { cwd: root, stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (step.report) {
    const c = counts(step.report);
    passed += c.passed;
    failed += c.failed;
    skipped += c.skipped;
    console.log(`=== ${step.name}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped (${seconds} s)`);
  } else {
    console.log(`=== ${step.name}: ${run.status === 0 ? 'ok' : 'FAILED'} (${seconds} s)`);
  }
  if (run.status !== 0) {
    failedSteps.push(step.name);
    if (!step.report || counts(step.report).failed === 0) failed += 1;
    // A broken build makes the e2e meaningless: stop there. Typecheck and lint failures still let the tests run.
    if (step.name.startsWith('build')) break;
  }
}

if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failedSteps.length ? 1 : 0);
