(() => {
    const id = arguments[0];
    const marks = [...document.querySelectorAll('[data-figure]')]
        .filter(e => e.getAttribute('data-figure').split(/\s+/).includes(id));
    const card = document.querySelector(`[data-figure-card="${id}"]`);
    const details = document.querySelector(`[data-figure-details="${id}"]`);
    return !!card && card.getAttribute('aria-current') === 'true' && !!details
        && marks.every(m => m.getAttribute('aria-current') === 'true');
})()
