/** The sidebar's data: asked of the background worker (the database's owner), settings from storage. */
import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { browser } from 'wxt/browser';
import { buildCorrectionLayer, type CorrectionLayer } from '../../lib/classify';
import type { Intent } from '../../lib/classify/types';
import { defaultTemplates } from '../../lib/templates/default-pack';
import { tryMigrateTemplate, type Template } from '../../lib/templates/schema';
import { summarizeUsage, type TemplateUsage } from '../../lib/templates/rank';
import { DEFAULT_SLA_SETTINGS, SlaSettingsSchema, type SlaSettings } from '../../lib/sla/settings';
import { loadProfile, profileItem, ProfileSchema, slaSettingsItem, type Profile } from '../../lib/settings';
import type { SidebarState, SidebarStateQuery } from '../../lib/worker/sidebar-state';
import type { Post } from '../../lib/post';

/** Re-asked whenever the focus, the queue or `version` (a sent reply, a correction) changes, and every 10 s. */
export function useSidebarState(focused: Post | undefined, queue: Post[], version: number) {
  const query: SidebarStateQuery = {
    focused: focused ? { site: focused.site, id: focused.id } : null,
    queue: queue.map((p) => ({ site: p.site, id: p.id })),
  };
  return useQuery({
    queryKey: ['sidebar-state', query, version],
    queryFn: async (): Promise<SidebarState> => {
      const reply = (await browser.runtime.sendMessage({ careline: 1, type: 'sidebar.state', payload: query })) as SidebarState | null;
      if (!reply) throw new Error('Careline could not reach its background worker.');
      return reply;
    },
    placeholderData: (previous) => previous,
    refetchInterval: 10_000,
  });
}

/** The team's templates: the stored ones, or the default pack until the team has its own. */
export function templatesOf(state: SidebarState | undefined): Template[] | undefined {
  if (!state) return undefined;
  if (state.templates === null) return defaultTemplates();
  return state.templates.map(tryMigrateTemplate).flatMap((result) => (result.ok ? [result.template] : []));
}

export function useTemplates(state: SidebarState | undefined): Template[] | undefined {
  return useMemo(() => templatesOf(state), [state?.templates]);
}

export function useCorrectionLayer(state: SidebarState | undefined): CorrectionLayer | undefined {
  const corrections = state?.corrections;
  return useMemo(() => (corrections ? buildCorrectionLayer(corrections) : undefined), [JSON.stringify(corrections)]);
}

export function templateUsage(state: SidebarState | undefined, intent: Intent | undefined): Record<string, TemplateUsage> {
  return state && intent ? summarizeUsage(state.templateUses, intent) : {};
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
  useEffect(() => {
    void loadProfile().then(setProfile);
    // Follow edits made in Options while the sidebar is open.
    return profileItem.watch((next) => {
      const parsed = ProfileSchema.safeParse(next);
      if (parsed.success && parsed.data.agentId) setProfile(parsed.data);
    });
  }, []);
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
