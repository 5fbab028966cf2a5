const done = arguments[arguments.length - 1];
const index = arguments[0];
const marks = document.querySelectorAll('mark[data-figure]');
const m = marks[index];
if (!m) return done({ failure: 'no highlight ' + index + ' of ' + marks.length });
m.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
// After a long jump, off-screen content (content-visibility: auto) is laid out over a few
// frames: wait until three frames in a row take under 20 ms (at most 3 s), so the time
// measured is the interaction's, not the scroll's.
function whenStill(then) {
  const start = performance.now();
  let quiet = 0, last = performance.now();
  const tick = () => requestAnimationFrame(() => setTimeout(() => {
    const now = performance.now();
    quiet = now - last < 20 ? quiet + 1 : 0;
    last = now;
    if (quiet >= 3 || now - start > 3000) then(); else tick();
  }, 0));
  tick();
}
whenStill(() => setTimeout(() => {
  let t1 = null;
  const give_up = setTimeout(() => { obs.disconnect(); done({ failure: 'aria-current never became "true"', figure: m.getAttribute('data-figure') }); }, 5000);
  const obs = new MutationObserver(() => {
    if (t1 !== null || m.getAttribute('aria-current') !== 'true') return;
    t1 = performance.now();
    obs.disconnect();
    requestAnimationFrame(() => {
      const t2 = performance.now();
      // A task queued from the frame's rAF runs after that frame's style, layout and paint.
      setTimeout(() => {
        clearTimeout(give_up);
        done({ t0, dom: t1 - t0, frame: t2 - t0, painted: performance.now() - t0, figure: m.getAttribute('data-figure') });
      }, 0);
    });
  });
  obs.observe(m, { attributes: true, attributeFilter: ['aria-current'] });
  const t0 = performance.now();
  m.click();
}, 0));
