import { launchWithExtension } from '../e2e/browser';
import { openDashboardWithGeneratedLog } from './bench/_page-log';
const N = Number(process.argv[2] ?? 100000);
const context = await launchWithExtension({ extensionDir: process.env.CARELINE_EXTENSION_DIR });
try {
  const { page, url } = await openDashboardWithGeneratedLog(context, N);
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('careline:digest-rebuilt').length > 0, undefined, { timeout: 600_000 });
  await page.goto('about:blank');
  await page.goto(url.replace('dashboard.html', 'options.html'));
  const out = await page.evaluate(`(async () => {
    const req = (r) => new Promise((res, rej) => { r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    const db = await req(indexedDB.open('careline'));
    const time = async (dbx, store) => { const t = performance.now(); const tx = dbx.transaction(store, 'readonly'); const rows = await req(tx.objectStore(store).getAll()); return [performance.now() - t, rows]; };
    const res = {};
    let [ms, rows] = await time(db, 'digest'); res.current = ms;
    [ms, rows] = await time(db, 'digest'); res.current2 = ms;
    let bytes = 0; for (const r of rows) for (const v of Object.values(r.columns)) if (ArrayBuffer.isView(v)) bytes += v.byteLength; res.numericMB = bytes/1e6;
    // variants in a second database
    await new Promise((r) => { const d = indexedDB.deleteDatabase('exp'); d.onsuccess = r; d.onerror = r; });
    const open = indexedDB.open('exp', 1); open.onupgradeneeded = () => { for (const s of ['noids','packed','idsonly']) open.result.createObjectStore(s, { keyPath: 'key' }); };
    const xdb = await req(open);
    const noids = rows.map((r) => { const c = { ...r.columns }; delete c.ids; delete c.itemKeys; return { ...r, columns: c }; });
    const idsonly = rows.map((r) => ({ key: r.key, ids: r.columns.ids, itemKeys: r.columns.itemKeys }));
    const packed = rows.map((r) => { const c = r.columns; const views = Object.entries(c).filter(([k, v]) => ArrayBuffer.isView(v)); const total = views.reduce((s, [, v]) => s + v.byteLength + 8, 0); const buf = new Uint8Array(total); let at = 0; for (const [, v] of views) { buf.set(new Uint8Array(v.buffer, v.byteOffset, v.byteLength), at); at += v.byteLength + 8 - (v.byteLength % 8 || 8) + (v.byteLength % 8 ? 0 : 0); at = Math.ceil(at/8)*8; } return { key: r.key, buf: buf.buffer, ids: c.ids.join('\\n'), itemKeys: (c.itemKeys || []).join('\\n') }; });
    const put = async (store, list) => { const tx = xdb.transaction(store, 'readwrite'); for (const x of list) tx.objectStore(store).put(x); await new Promise((r) => tx.oncomplete = r); };
    await put('noids', noids); await put('idsonly', idsonly); await put('packed', packed);
    for (const s of ['noids','idsonly','packed','noids','idsonly','packed']) { const [m] = await time(xdb, s); res[s] = (res[s] ? res[s] + ' / ' : '') + Math.round(m); }
    return res;
  })()`);
  console.log(out);
} finally { await context.close(); }
