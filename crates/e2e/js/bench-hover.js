const done = arguments[arguments.length - 1];
const index = arguments[0];
const marks = document.querySelectorAll('mark[data-figure]');
const m = marks[index];
if (!m) return done({ failure: 'no highlight ' + index + ' of ' + marks.length });
m.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
// The pointer enters a highlight (the reader listens for `mouseover` on the article):
// time until its popover is in the document and `aria-expanded` is set, then the next frame.
const open = () => m.getAttribute('aria-expanded') === 'true' && document.querySelector('[data-popover]');
requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
  // Leave any highlight first so every sample opens a popover from closed.
  document.body.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
  let t1 = null;
  const give_up = setTimeout(() => { obs.disconnect(); done({ failure: 'no popover for ' + m.getAttribute('data-figure') }); }, 5000);
  const obs = new MutationObserver(() => {
    if (t1 !== null || !open()) return;
    t1 = performance.now();
    obs.disconnect();
    requestAnimationFrame(() => {
      const t2 = performance.now();
      setTimeout(() => {
        clearTimeout(give_up);
        // Close it again for the next sample.
        m.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, relatedTarget: document.body }));
        done({ t0, dom: t1 - t0, frame: t2 - t0, painted: performance.now() - t0, figure: m.getAttribute('data-figure') });
      }, 0);
    });
  });
  obs.observe(document.body, { attributes: true, childList: true, subtree: true, attributeFilter: ['aria-expanded', 'data-popover'] });
  const t0 = performance.now();
  m.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, relatedTarget: document.body }));
}, 50)));
