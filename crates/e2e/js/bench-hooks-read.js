const B = window.__bench || { dom: [], normalize: {} };
const rendered = (performance.getEntriesByName('article-rendered', 'mark')[0] || {}).startTime;
const after = B.textAt == null ? [] : B.dom.filter(t => t >= B.textAt && (rendered == null || t <= rendered));
const marks = {};
for (const m of performance.getEntriesByType('mark')) marks[m.name] = m.startTime;
return { rendered, marks, normalize: B.normalize, domCalls: after.length,
         domFirst: after.length ? after[0] : null, domLast: after.length ? after[after.length - 1] : null,
         domTotal: B.dom.length };
