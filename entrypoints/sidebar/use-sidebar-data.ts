/** The sidebar's data hooks: templates, corrections, usage and settings, read live from the database. */
import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../lib/db/database';
import { buildCorrectionLayer, type CorrectionLayer } from '../../lib/classify';
import type { Intent } from '../../lib/classify/types';
import { defaultTemplates } from '../../lib/templates/default-pack';
import { tryMigrateTemplate, type Template } from '../../lib/templates/schema';
import { summarizeUsage, type TemplateUsage } from '../../lib/templates/rank';
import { DEFAULT_SLA_SETTINGS, SlaSettingsSchema, type SlaSettings } from '../../lib/sla/settings';
import { loadProfile, slaSettingsItem, type Profile } from '../../lib/settings';

/** The team's templates: the database's, or the default pack until the team has its own. */
export function useTemplates(): Template[] | undefined {
  return useLiveQuery(async () => {
    const rows = await getDb().templates.toArray();
    if (rows.length === 0) return defaultTemplates();
    return rows
      .filter((row) => !row.deletedAt)
      .map((row) => tryMigrateTemplate(row.data))
      .flatMap((result) => (result.ok ? [result.template] : []));
  }, []);
}

export function useCorrectionLayer(): CorrectionLayer | undefined {
  const corrections = useLiveQuery(() => getDb().corrections.toArray(), []);
  return useMemo(() => (corrections ? buildCorrectionLayer(corrections) : undefined), [corrections]);
}

/** This agent's past uses of templates on posts of one intent, for ranking. */
export function useTemplateUsage(agentId: string | undefined, intent: Intent | undefined): Record<string, TemplateUsage> {
  const records = useLiveQuery(async () => {
    if (!agentId) return [];
    const items = await getDb().items.where('agentId').equals(agentId).filter((i) => !!i.templateId && !!i.intent).toArray();
    return items.map((i) => ({
      templateId: i.templateId!,
      intent: i.intent!,
      keptRatio: i.replyText ? Math.max(0, 1 - (i.editDistance ?? 0) / Math.max(1, [...i.replyText].length)) : 1,
    }));
  }, [agentId]);
  return useMemo(() => (records && intent ? summarizeUsage(records, intent) : {}), [records, intent]);
}

export function useSlaSettings(): SlaSettings {
  const [settings, setSettings] = useState<SlaSettings>(DEFAULT_SLA_SETTINGS);
  useEffect(() => {
    const apply = (value: unknown) => {
      const parsed = SlaSettingsSchema.safeParse(value);
      setSettings(parsed.success ? parsed.data : DEFAULT_SLA_SETTINGS);
    };
    void slaSettingsItem.getValue().then(apply);
    return slaSettingsItem.watch(apply);
  }, []);
  return settings;
}

export function useProfile(): Profile | undefined {
  const [profile, setProfile] = useState<Profile>();
  useEffect(() => void loadProfile().then(setProfile), []);
  return profile;
}

export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}
