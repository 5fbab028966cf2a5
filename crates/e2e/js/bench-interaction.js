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

// Time one interaction: `act()` at t0, then `ready()` checked on every mutation of `target`
// (`options` as for a MutationObserver). dom = ready; frame = the next animation frame
// (vsync-aligned); painted = a task queued from that frame ran, i.e. its style, layout and
// paint were done. `finish(result)` gets those, or `{ failure }` after 5 s.
function timeInteraction(target, options, ready, act, finish, what) {
  let t0 = 0, t1 = null;
  const giveUp = setTimeout(() => { obs.disconnect(); finish({ failure: what + ' never happened' }); }, 5000);
  const obs = new MutationObserver(() => {
    if (t1 !== null || !ready()) return;
    t1 = performance.now();
    obs.disconnect();
    requestAnimationFrame(() => {
      const t2 = performance.now();
      setTimeout(() => {
        clearTimeout(giveUp);
        finish({ t0, dom: t1 - t0, frame: t2 - t0, painted: performance.now() - t0 });
      }, 0);
    });
  });
  obs.observe(target, options);
  t0 = performance.now();
  act();
}

// Highlight `index` scrolled to the middle of the view, or null (and `done` told why).
function highlightAt(index, done) {
  const marks = document.querySelectorAll('mark[data-figure]');
  const m = marks[index];
  if (!m) {
    done({ failure: 'no highlight ' + index + ' of ' + marks.length });
    return null;
  }
  m.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
  return m;
}
