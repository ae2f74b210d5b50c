/** The options page's control styles, from the theme's colour names (light and dark follow the theme). */
export const inputClass = 'mt-1 block w-full rounded border border-line bg-surface px-2 py-1 text-ink placeholder:text-muted disabled:opacity-60';
export const primaryButton = 'rounded bg-accent px-3 py-1 font-semibold text-accent-ink disabled:opacity-60';
export const secondaryButton = 'rounded border border-line bg-surface-2 px-3 py-1 text-ink disabled:opacity-60';
export const dangerButton = 'rounded border border-bad/60 px-3 py-1 text-bad disabled:opacity-60';
export const linkButton = 'text-accent underline underline-offset-2';
