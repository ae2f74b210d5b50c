import { useCallback, useEffect, useState } from 'react';
import { filterFromSearchParams, filterToSearchParams, type DashboardFilter } from '../../lib/metrics/filter';

/** Extra view state kept in the URL beside the filter (the open item), so a view can be bookmarked. */
export interface UrlView {
  filter: DashboardFilter;
  itemId: string | null;
}

function readUrl(): UrlView {
  const params = new URLSearchParams(location.search);
  return { filter: filterFromSearchParams(params), itemId: params.get('item') };
}

function writeUrl(view: UrlView): void {
  const params = filterToSearchParams(view.filter);
  if (view.itemId) params.set('item', view.itemId);
  const search = params.toString();
  const url = `${location.pathname}${search ? `?${search}` : ''}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(null, '', url);
}

/** The dashboard's filter and open item, read from and written to the page's URL. */
export function useUrlView(): [UrlView, (next: UrlView) => void] {
  const [view, setView] = useState<UrlView>(readUrl);
  useEffect(() => {
    const onPop = () => setView(readUrl());
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const update = useCallback((next: UrlView) => {
    writeUrl(next);
    setView(next);
  }, []);
  return [view, update];
}
