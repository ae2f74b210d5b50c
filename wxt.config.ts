import { defineConfig } from 'wxt';
import tailwindcss from '@tailwindcss/vite';

/** Hosts Careline works on. Host access is for these sites only; a sync backend's origin is an
 * optional permission requested when the agent turns sync on. */
export const SITE_MATCHES = [
  'https://x.com/*',
  'https://mobile.x.com/*',
  'https://twitter.com/*',
  'https://mobile.twitter.com/*',
  'https://www.facebook.com/*',
  'https://facebook.com/*',
  'https://m.facebook.com/*',
  'https://web.facebook.com/*',
];

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  imports: false,
  vite: () => ({
    plugins: [tailwindcss()],
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
