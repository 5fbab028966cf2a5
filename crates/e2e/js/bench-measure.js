const done = arguments[arguments.length - 1];
const settleMs = arguments[0];
const P = performance;
const deadline = P.now() + 40000;
function poll() {
  const e = P.getEntriesByName('article-rendered', 'mark')[0];
  if (e) return requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => collect(e.startTime), settleMs)));
  if (P.now() > deadline) {
    return done({ failure: 'no article-rendered mark after 40 s',
      page: (document.body ? document.body.innerText : '').slice(0, 400) });
  }
  setTimeout(poll, 10);
}
function entries(type) {
  return new Promise(resolve => {
    let got = [];
    let o;
    try {
      o = new PerformanceObserver(list => { got = got.concat(list.getEntries()); });
      o.observe({ type, buffered: true });
    } catch (e) { return resolve([]); }
    setTimeout(() => { got = got.concat(o.takeRecords()); o.disconnect(); resolve(got); }, 50);
  });
}
async function collect(rendered) {
  const shifts = (await entries('layout-shift')).filter(e => !e.hadRecentInput);
  let cls = 0, win = 0, winStart = -1, last = -1;
  for (const s of shifts) {
    if (last < 0 || s.startTime - last > 1000 || s.startTime - winStart > 5000) { win = 0; winStart = s.startTime; }
    win += s.value; last = s.startTime; cls = Math.max(cls, win);
  }
  const lcps = await entries('largest-contentful-paint');
  const lcp = lcps.length ? lcps[lcps.length - 1] : null;
  const fcp = P.getEntriesByName('first-contentful-paint')[0];
  const nav = P.getEntriesByType('navigation')[0];
  const res = {};
  for (const r of P.getEntriesByType('resource')) {
    const u = new URL(r.name);
    const key = /\.wasm$/.test(u.pathname) ? 'wasm'
      : /\/articles\/[^/]+\.json$/.test(u.pathname) ? 'json'
      : /\/preload\.js$/.test(u.pathname) ? 'preload'
      : /\.js$/.test(u.pathname) ? 'js' : null;
    if (key && !res[key]) res[key] = { start: r.startTime, end: r.responseEnd, bytes: r.encodedBodySize };
  }
  const marks = {};
  for (const m of P.getEntriesByType('mark')) marks[m.name] = m.startTime;
  const mem = P.memory ? { used: P.memory.usedJSHeapSize, total: P.memory.totalJSHeapSize } : null;
  let wasm = null;
  try { if (window.wasmBindings) wasm = window.wasmBindings.wasm_memory_bytes(); } catch (e) { wasm = null; }
  done({
    rendered,
    fcp: fcp ? fcp.startTime : null,
    lcp: lcp ? (lcp.renderTime || lcp.loadTime || lcp.startTime) : null,
    lcpTag: lcp && lcp.element ? lcp.element.tagName : null,
    cls, shiftSum: shifts.reduce((a, s) => a + s.value, 0), shifts: shifts.length,
    domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
    load: nav ? nav.loadEventEnd : null,
    res, marks, mem, wasm,
    nodes: document.getElementsByTagName('*').length,
    highlights: document.querySelectorAll('mark[data-figure]').length,
    cards: document.querySelectorAll('[data-figure-card]').length,
    alerts: [...document.querySelectorAll('[role=alert]')].map(a => a.innerText.trim().slice(0, 200)),
    title: document.title,
  });
}
poll();
