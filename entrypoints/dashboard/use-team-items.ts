import { useQuery } from '@tanstack/react-query';
import type { HandledItem } from '../../lib/db/schema';
import { getDb } from '../../lib/db/database';
import { fetchAllTeamItems } from '../../lib/sync';
import { loadSupervisorConfig } from '../../lib/worker/sync-wiring';
import { SyncSettingsSchema, syncSettingsItem } from '../../lib/settings';

const NO_TEAM_ITEMS: readonly HandledItem[] = [];

/**
 * The team's items from the sync server, read with the supervisor token set in Options (the page
 * is an extension page: it may read the token; content scripts cannot). No supervisor token, or
 * sync never set up: no team items, and the dashboard shows the local log alone. Items are merged
 * with the local log by id by the caller.
 */
export function useTeamItems(): { items: readonly HandledItem[]; error?: string } {
  const query = useQuery({
    queryKey: ['team-items'],
    queryFn: async (): Promise<readonly HandledItem[]> => {
      const settings = SyncSettingsSchema.safeParse(await syncSettingsItem.getValue());
      if (!settings.success) return NO_TEAM_ITEMS;
      const config = await loadSupervisorConfig(getDb(), settings.data);
      if (!config) return NO_TEAM_ITEMS;
      return (await fetchAllTeamItems(config)).items;
    },
    staleTime: 60_000,
    retry: false,
  });
  return {
    items: query.data ?? NO_TEAM_ITEMS,
    error: query.isError ? `The team's items could not be read from the sync server (${query.error.message}). Showing this browser's log only.` : undefined,
  };
}
