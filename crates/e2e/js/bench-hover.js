// The pointer enters one highlight (by index; the reader listens for `mouseover` on the
// article): until its popover is in the document and `aria-expanded` is set, then the next
// frame (highlightAt, whenStill and timeInteraction: bench-interaction.js, prepended by bench.rs).
const done = arguments[arguments.length - 1];
const m = highlightAt(arguments[0], done);
if (!m) return;
const figure = m.getAttribute('data-figure');
whenStill(() => timeInteraction(
  document.body, { attributes: true, childList: true, subtree: true, attributeFilter: ['aria-expanded', 'data-popover'] },
  () => m.getAttribute('aria-expanded') === 'true' && !!document.querySelector('[data-popover]'),
  () => m.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, relatedTarget: document.body })),
  r => {
    // Closed again for the next sample.
    m.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, relatedTarget: document.body }));
    done(Object.assign(r, { figure }));
  },
  'the popover of ' + figure));
