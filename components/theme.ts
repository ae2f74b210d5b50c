/** Applies the site's theme (passed by the host) or the system's, to the page's root. */
export function applyTheme(requested: string | null): void {
  const dark = requested === 'dark' || (requested !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);
}
