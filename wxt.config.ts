import { defineConfig } from 'wxt';
import tailwindcss from '@tailwindcss/vite';
import { SITE_MATCHES } from './lib/site-matches';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  imports: false,
  // CARELINE_OUT_DIR / CARELINE_NO_MINIFY: a private, readable build for profiling
  // (scripts/profile-dashboard.ts), beside the usual one.
  ...(process.env.CARELINE_OUT_DIR ? { outDir: process.env.CARELINE_OUT_DIR } : {}),
  vite: () => ({
    plugins: [tailwindcss()],
    ...(process.env.CARELINE_NO_MINIFY ? { build: { minify: false } } : {}),
  }),
  zip: { excludeSources: ['**/node_modules/**', 'e2e/**', 'server/**', '.tmp/**', 'test-results/**'] },
  manifest: ({ browser }) => ({
    name: 'Careline',
    description: 'Classify, answer and time customer posts on X and Facebook, right beside the composer.',
    permissions: ['storage', 'alarms', 'unlimitedStorage'],
    host_permissions: SITE_MATCHES,
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: 'Toggle the Careline sidebar' },
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Show or hide the Careline sidebar',
      },
    },
    web_accessible_resources: [
      { resources: ['sidebar.html', 'assets/*', 'chunks/*'], matches: SITE_MATCHES },
    ],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'careline@careline.dev', strict_min_version: '128.0' } } }
      : {}),
  }),
});
