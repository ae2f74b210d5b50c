/** Which adapter serves a page, by host. The only place that maps hosts to sites. */
import { xAdapter } from './sites/x/adapter';
import { facebookAdapter } from './sites/facebook/adapter';
import type { SiteAdapter } from './sites/types';

const ADAPTERS: SiteAdapter[] = [xAdapter, facebookAdapter];

export function adapterFor(location: Location): SiteAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.matches(location));
}
