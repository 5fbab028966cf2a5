(() => {
    const all = arguments[0], seen = [];
    for (const m of document.querySelectorAll('[data-figure]')) {
        const fresh = m.getAttribute('data-figure').split(/\s+/).filter(id => !seen.includes(id));
        fresh.sort((a, b) => all.indexOf(a) - all.indexOf(b));
        for (const id of fresh) if (!seen.includes(id)) seen.push(id);
    }
    for (const id of all) if (!seen.includes(id)) seen.push(id);
    return seen;
})()
