import type { HandledItem } from '../../lib/db/schema';

/**
 * Hook point for the team's items from the sync server (issue 9: "logs merged from the team").
 * The lead will expose a reader in lib/sync; until it is configured this returns no items, and
 * the dashboard shows the local log (plus anything imported) alone. Items returned here are
 * merged with the local log by id, the local copy winning.
 */
const NO_TEAM_ITEMS: readonly HandledItem[] = [];

export function useTeamItems(): readonly HandledItem[] {
  return NO_TEAM_ITEMS;
}
