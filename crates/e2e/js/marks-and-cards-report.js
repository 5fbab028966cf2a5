(() => {
    const [all, mentioned] = arguments;
    const out = { missingMarks: [], notFocusable: [], cardCounts: {}, extraCards: [] };
    const marks = [...document.querySelectorAll('[data-figure]')];
    for (const id of mentioned) {
        const mine = marks.filter(m => m.getAttribute('data-figure').split(/\s+/).includes(id));
        if (!mine.length) out.missingMarks.push(id);
        for (const m of mine) if (m.tabIndex !== 0) out.notFocusable.push(id + ': ' + m.outerHTML.slice(0, 80));
    }
    for (const id of all) out.cardCounts[id] = document.querySelectorAll(`[data-figure-card="${id}"]`).length;
    for (const c of document.querySelectorAll('[data-figure-card]'))
        if (!all.includes(c.getAttribute('data-figure-card'))) out.extraCards.push(c.getAttribute('data-figure-card'));
    return out;
})()
