/**
 * Every setting is one versioned storage item here, with its fallback. Settings live in
 * `storage.local`; secrets (the sync token) do not: they live in the extension's IndexedDB,
 * which content scripts cannot open.
 */
import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';

export const ProfileSchema = z.object({
  /** Stable id of this agent on this browser (generated once). */
  agentId: z.string(),
  displayName: z.string().check(z.maxLength(80)),
  initials: z.string().check(z.maxLength(6)),
  brandName: z.string().check(z.maxLength(80)),
  /** The team signs replies (^JS): the tone check warns on unsigned replies. */
  teamSigns: z.boolean(),
  /** The agent's own handles on the sites: their posts are never customer posts. */
  ownHandles: z.array(z.string().check(z.maxLength(80))),
});
export type Profile = z.infer<typeof ProfileSchema>;

export const PrivacySchema = z.object({
  postText: z.enum(['full', 'first280', 'none']),
  keepReplyText: z.boolean(),
});
export type Privacy = z.infer<typeof PrivacySchema>;

export const SidebarStateSchema = z.object({
  collapsed: z.boolean(),
  width: z.number().check(z.gte(280), z.lte(720)),
});
export type SidebarState = z.infer<typeof SidebarStateSchema>;

export const SyncSettingsSchema = z.object({
  enabled: z.boolean(),
  endpoint: z.string(),
});
export type SyncSettings = z.infer<typeof SyncSettingsSchema>;

export function newAgentId(): string {
  return `agent-${crypto.randomUUID()}`;
}

export const DEFAULT_PROFILE: Profile = {
  agentId: '',
  displayName: '',
  initials: '',
  brandName: '',
  teamSigns: true,
  ownHandles: [],
};

export const profileItem = storage.defineItem<Profile>('local:profile', {
  fallback: DEFAULT_PROFILE,
  version: 1,
});

export const privacyItem = storage.defineItem<Privacy>('local:privacy', {
  fallback: { postText: 'full', keepReplyText: true },
  version: 1,
});

export const sidebarStateItem = storage.defineItem<SidebarState>('local:sidebar', {
  fallback: { collapsed: false, width: 360 },
  version: 1,
});

export const syncSettingsItem = storage.defineItem<SyncSettings>('local:sync', {
  fallback: { enabled: false, endpoint: '' },
  version: 1,
});

/** The SLA settings (validated by lib/sla's schema where they are used). */
export const slaSettingsItem = storage.defineItem<unknown>('local:sla', { fallback: null, version: 1 });

/** Reads the profile, giving it a stable agent id the first time. */
export async function loadProfile(): Promise<Profile> {
  const parsed = ProfileSchema.safeParse(await profileItem.getValue());
  const profile = parsed.success ? parsed.data : DEFAULT_PROFILE;
  if (profile.agentId) return profile;
  const withId = { ...profile, agentId: newAgentId() };
  await profileItem.setValue(withId);
  return withId;
}
