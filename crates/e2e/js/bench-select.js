// Click one highlight (by index) in the middle of the article, once the page is still
// (highlightAt, whenStill and timeInteraction: bench-interaction.js, prepended by bench.rs).
const done = arguments[arguments.length - 1];
const m = highlightAt(arguments[0], done);
if (!m) return;
const figure = m.getAttribute('data-figure');
whenStill(() => timeInteraction(
  m, { attributes: true, attributeFilter: ['aria-current'] },
  () => m.getAttribute('aria-current') === 'true',
  () => m.click(),
  r => done(Object.assign(r, { figure })),
  'aria-current="true" on ' + figure));
