/**
 * Where the feed's scenarios come from: the built-in pack (bundled, loaded on demand) or a pack
 * the team lead imported on this page. An imported pack is kept as its file text and validated
 * again whenever it is read, like any other input.
 */
import { downloadFile } from '../../lib/export/download';
import { storage } from 'wxt/utils/storage';
import { parseScenarioPack, serializeScenarioPack, type ParseScenarioPackResult, type ScenarioPack } from '../../lib/practice/scenario';

/** The last pack imported on the practice page (the file's text). */
export const importedPackItem = storage.defineItem<string | null>('local:practiceImportedPack', { fallback: null, version: 1 });

let builtin: Promise<ParseScenarioPackResult> | undefined;

export function loadBuiltinPack(): Promise<ParseScenarioPackResult> {
  builtin ??= import('../../data/practice/scenarios.json?raw').then((m) => parseScenarioPack(m.default));
  return builtin;
}

export async function loadImportedPack(): Promise<ScenarioPack | null> {
  const text = await importedPackItem.getValue();
  if (!text) return null;
  const parsed = parseScenarioPack(text);
  return parsed.ok ? parsed.pack : null;
}

/** Reads a file chosen for import: nothing is kept unless every scenario is valid. */
export async function importPackFile(file: File): Promise<ParseScenarioPackResult> {
  const text = await file.text();
  const parsed = parseScenarioPack(text);
  if (parsed.ok) await importedPackItem.setValue(text);
  return parsed;
}

export async function forgetImportedPack(): Promise<void> {
  await importedPackItem.setValue(null);
}

/** A file name for a pack export: its name in kebab case, or the default. */
export function exportFileName(pack: Pick<ScenarioPack, 'name'>): string {
  const base = (pack.name ?? 'careline-scenarios')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 60);
  return `${base || 'careline-scenarios'}.json`;
}

/** Starts a download of the pack as a JSON file. */
export function downloadPack(pack: ScenarioPack): void {
  const text = serializeScenarioPack(pack.scenarios, { ...(pack.name ? { name: pack.name } : {}), now: new Date() });
  downloadFile([text], 'application/json', exportFileName(pack));
}
