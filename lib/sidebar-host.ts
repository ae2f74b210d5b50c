/**
 * The in-page dock that holds the sidebar iframe. Plain DOM (no React): it runs in the content
 * script on x.com and facebook.com and in the practice page. The iframe is an extension page, so
 * the site's scripts cannot read it, and the shadow root is closed, so they cannot restyle it.
 */
import type { SidebarState } from './settings';

export const HOST_TAG = 'careline-root';
export const COLLAPSED_TAB_WIDTH = 28;

export interface SidebarHost {
  readonly element: HTMLElement;
  readonly iframe: HTMLIFrameElement;
  getState(): SidebarState;
  /** Applies a state; `persist` saves it (and so reaches other tabs). */
  setState(state: SidebarState, persist?: boolean): void;
  toggle(): void;
  destroy(): void;
}

export interface SidebarHostOptions {
  sidebarUrl: string;
  state: SidebarState;
  onStateChange(state: SidebarState): void;
  /** Shift the page left so the sidebar never covers the site's composer and buttons. */
  reflowPage?: boolean;
}

const DOCK_CSS = `
:host { all: initial; }
.dock { position: fixed; top: 0; right: 0; bottom: 0; z-index: 2147483646; display: flex;
  box-shadow: -2px 0 12px rgba(0,0,0,.18); background: #fff; }
.dock[hidden] { display: none; }
.resize { width: 6px; cursor: ew-resize; background: transparent; flex: none; }
.resize:hover, .resize:focus-visible { background: rgba(29,155,240,.35); outline: none; }
iframe { border: 0; width: 100%; height: 100%; display: block; color-scheme: normal; }
.tab { position: fixed; right: 0; top: 40%; z-index: 2147483646; width: ${COLLAPSED_TAB_WIDTH}px; padding: 12px 0;
  writing-mode: vertical-rl; font: 600 12px/1 system-ui, sans-serif; letter-spacing: .04em; border: 0;
  border-radius: 8px 0 0 8px; background: #0f766e; color: #fff; cursor: pointer; }
.tab:focus-visible { outline: 3px solid #f59e0b; }
`;

/** Chooses the sidebar's theme from the page's own background. */
export function pageTheme(doc: Document): 'dark' | 'light' {
  const colour = doc.body ? getComputedStyle(doc.body).backgroundColor : '';
  const m = colour.match(/\d+(\.\d+)?/g);
  if (!m || m.length < 3) return 'light';
  const [r, g, b] = m.slice(0, 3).map(Number) as [number, number, number];
  if (m.length >= 4 && Number(m[3]) === 0) return 'light';
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 100 ? 'dark' : 'light';
}

export function mountSidebarHost(doc: Document, options: SidebarHostOptions): SidebarHost {
  // One sidebar per document, whatever re-runs the script (an extension reload, a second injection).
  doc.querySelectorAll(HOST_TAG).forEach((old) => old.remove());
  doc.getElementById('careline-page-offset')?.remove();

  const element = doc.createElement(HOST_TAG);
  const shadow = element.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = DOCK_CSS;

  const dock = doc.createElement('div');
  dock.className = 'dock';
  const resize = doc.createElement('div');
  resize.className = 'resize';
  resize.tabIndex = 0;
  resize.setAttribute('role', 'separator');
  resize.setAttribute('aria-orientation', 'vertical');
  resize.setAttribute('aria-label', 'Resize the Careline sidebar (arrow keys)');
  const iframe = doc.createElement('iframe');
  iframe.title = 'Careline sidebar';
  iframe.src = options.sidebarUrl;
  iframe.setAttribute('allow', 'clipboard-write');
  dock.append(resize, iframe);

  const tab = doc.createElement('button');
  tab.className = 'tab';
  tab.type = 'button';
  tab.textContent = 'Careline';
  tab.setAttribute('aria-label', 'Show the Careline sidebar');

  shadow.append(style, dock, tab);

  const offset = doc.createElement('style');
  offset.id = 'careline-page-offset';

  let state = { ...options.state };
  const render = () => {
    dock.hidden = state.collapsed;
    tab.hidden = !state.collapsed;
    dock.style.width = `${state.width}px`;
    resize.setAttribute('aria-valuenow', String(state.width));
    if (options.reflowPage !== false) {
      const margin = state.collapsed ? 0 : state.width;
      offset.textContent = margin ? `html { margin-right: ${margin}px !important; }` : '';
    }
  };
  const update = (next: SidebarState, persist = true) => {
    state = { ...next, width: Math.round(Math.min(720, Math.max(280, next.width))) };
    render();
    if (persist) options.onStateChange(state);
  };

  tab.addEventListener('click', () => update({ ...state, collapsed: false }));
  resize.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowLeft') update({ ...state, width: state.width + 20 });
    else if (event.key === 'ArrowRight') update({ ...state, width: state.width - 20 });
  });
  resize.addEventListener('pointerdown', (event) => {
    event.preventDefault();
    resize.setPointerCapture(event.pointerId);
    // The iframe would swallow pointer events while dragging over it.
    iframe.style.pointerEvents = 'none';
    const startX = event.clientX;
    const startWidth = state.width;
    const move = (e: PointerEvent) => update({ ...state, width: startWidth + (startX - e.clientX) }, false);
    const up = () => {
      iframe.style.pointerEvents = '';
      resize.removeEventListener('pointermove', move);
      update(state);
    };
    resize.addEventListener('pointermove', move);
    resize.addEventListener('pointerup', up, { once: true });
    resize.addEventListener('pointercancel', up, { once: true });
  });

  render();
  (doc.head ?? doc.documentElement).append(offset);
  doc.documentElement.append(element);

  return {
    element,
    iframe,
    getState: () => ({ ...state }),
    setState: (next, persist = false) => update(next, persist),
    toggle: () => update({ ...state, collapsed: !state.collapsed }),
    destroy: () => {
      element.remove();
      offset.remove();
    },
  };
}
