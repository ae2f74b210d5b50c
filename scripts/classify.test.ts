import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyLine } from './classify';

describe('classify CLI', () => {
  it('turns a good line into one JSON object with the documented fields', () => {
    const r = classifyLine('{"id": "42", "text": "@Delta you lost my bag again, worst airline ever"}', 1);
    expect(r.error).toBeUndefined();
    const out = JSON.parse(r.output!);
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['id', 'intent', 'sentiment', 'urgency', 'flags', 'scores', 'reasons']));
    expect(out).toMatchObject({ id: '42', intent: 'complaint', sentiment: 'negative' });
  });

  it('gives the id back as it came, a string or a number', () => {
    expect(JSON.parse(classifyLine('{"id": 7, "text": "@acme where is my refund?"}', 1).output!).id).toBe(7);
    expect(JSON.parse(classifyLine('{"id": "7", "text": "@acme where is my refund?"}', 1).output!).id).toBe('7');
  });

  it('warns, and still classifies, when a numeric id is too large for JSON.parse to keep exact', () => {
    const big = classifyLine('{"id": 1242617246721114114, "text": "@acme where is my refund?"}', 3);
    expect(big.error).toBeUndefined();
    expect(JSON.parse(big.output!).intent).toBeDefined();
    expect(big.warning).toMatch(/^line 3: the id 1242617246721114000 is a number too large to keep exact/);
    expect(classifyLine('{"id": 9007199254740991, "text": "hi"}', 1).warning).toBeUndefined();
    expect(classifyLine('{"id": "1242617246721114114", "text": "hi"}', 1).warning).toBeUndefined();
  });

  it('reads a first line after a byte-order mark, and "lang": null as no language given', () => {
    const plain = JSON.parse(classifyLine('{"id": 1, "text": "@acme where is my refund?"}', 1).output!);
    const bom = classifyLine('\uFEFF{"id": 1, "text": "@acme where is my refund?"}', 1);
    expect(bom.error).toBeUndefined();
    expect(JSON.parse(bom.output!)).toEqual(plain);
    // Only the input's first line can start with the mark.
    expect(classifyLine('\uFEFF{"id": 1, "text": "x"}', 2).error).toMatch(/^line 2: not valid JSON/);
    const nullLang = classifyLine('{"id": "n", "text": "Hola @acme, ¿dónde está mi pedido? No ha llegado nada", "lang": null}', 4);
    expect(nullLang.error).toBeUndefined();
    expect(JSON.parse(nullLang.output!)).toMatchObject({ id: 'n', classified: false, language: 'es' });
    expect(classifyLine('{"id": "n", "text": "hi", "lang": 3}', 5).error).toBe('line 5: "lang" must be a string when given');
  });

  it('reads "replyTo", the handle a reply answers, as a post addressed to an account', () => {
    const text = "I couldn't even eat the chorizo because it was too tough. Very dissatisfied.";
    const alone = JSON.parse(classifyLine(JSON.stringify({ id: 'r', text }), 1).output!);
    const reply = JSON.parse(classifyLine(JSON.stringify({ id: 'r', text, replyTo: 'acme' }), 2).output!);
    expect(alone.intent).not.toBe('complaint');
    expect(reply.intent).toBe('complaint');
    expect(JSON.parse(classifyLine(JSON.stringify({ id: 'r', text, replyTo: null }), 3).output!)).toEqual(alone);
    expect(classifyLine('{"id": "r", "text": "hi", "replyTo": 7}', 4).error).toBe('line 4: "replyTo" must be a string when given');
  });

  it('names the line of malformed input', () => {
    expect(classifyLine('not json', 7).error).toMatch(/^line 7: not valid JSON/);
    expect(classifyLine('{"id": "1"}', 3).error).toBe('line 3: "text" must be a string');
    expect(classifyLine('[1,2]', 2).error).toMatch(/^line 2: expected a JSON object/);
    expect(classifyLine('{"text": "hi"}', 9).error).toBe('line 9: "id" must be a string or a number');
  });

  it('streams stdin to stdout, reports bad lines on stderr and exits 1', () => {
    const input = ['{"id":"a","text":"love you @Spotify!"}', 'oops', '', '{"id":"b","text":"@Uber where is my refund?"}'].join('\n');
    const tsx = join(import.meta.dirname, '../node_modules/.bin/tsx');
    const r = spawnSync(tsx, [join(import.meta.dirname, 'classify.ts')], { input, encoding: 'utf8' });
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', 'b']);
    expect(r.stderr).toContain('line 2: not valid JSON');
    expect(r.status).toBe(1);
  }, 20000);

  it('stops quietly when its reader closes the pipe early (`| head -1`)', () => {
    const input = Array.from({ length: 20000 }, (_, i) => JSON.stringify({ id: i, text: `@acme order ${i} never arrived` })).join('\n');
    const tsx = join(import.meta.dirname, '../node_modules/.bin/tsx');
    const script = join(import.meta.dirname, 'classify.ts');
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${tsx}" "${script}" | head -1`], { input, encoding: 'utf8' });
    expect(JSON.parse(r.stdout)).toMatchObject({ id: 0, intent: 'complaint' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 30000);
});
