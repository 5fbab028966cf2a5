// Click one highlight (by index) in the middle of the article, once the page is still
// (whenStill and timeInteraction: bench-interaction.js, prepended by bench.rs).
const done = arguments[arguments.length - 1];
const index = arguments[0];
const marks = document.querySelectorAll('mark[data-figure]');
const m = marks[index];
if (!m) return done({ failure: 'no highlight ' + index + ' of ' + marks.length });
m.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
const figure = m.getAttribute('data-figure');
whenStill(() => timeInteraction(
  m, { attributes: true, attributeFilter: ['aria-current'] },
  () => m.getAttribute('aria-current') === 'true',
  () => m.click(),
  r => done(Object.assign(r, { figure })),
  'aria-current="true" on ' + figure));
