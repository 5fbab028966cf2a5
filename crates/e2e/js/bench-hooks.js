(() => {
  if (!/[?&]article=/.test(location.search) || /plain\.html$/.test(location.pathname)) return;
  const P = performance, now = () => P.now();
  const B = window.__bench = { dom: [], normalize: { calls: 0, ms: 0, chars: 0 }, textAt: null };
  addEventListener('TrunkApplicationStarted', () => P.mark('bench:wasm-started'));
  const fetch0 = window.fetch;
  window.fetch = function (input) {
    const url = String(input && input.url ? input.url : input);
    const article = url.includes('articles/');
    if (article) P.mark('bench:fetch-called');
    const p = fetch0.apply(this, arguments);
    if (article) p.then(() => P.mark('bench:fetch-response'), () => {});
    return p;
  };
  // The body is in wasm when the reader's stream reports its end (older builds read it
  // with text() or arrayBuffer()).
  const bodyRead = () => { P.mark('bench:text-resolved'); B.textAt = now(); };
  for (const name of ['text', 'arrayBuffer']) {
    const f = Response.prototype[name];
    Response.prototype[name] = function () {
      const article = this.url.includes('/articles/');
      const p = f.apply(this, arguments);
      if (article) p.then(bodyRead, () => {});
      return p;
    };
  }
  const read0 = ReadableStreamDefaultReader.prototype.read;
  ReadableStreamDefaultReader.prototype.read = function () {
    const p = read0.apply(this, arguments);
    p.then(r => { if (r && r.done) bodyRead(); }, () => {});
    return p;
  };
  const norm0 = String.prototype.normalize;
  String.prototype.normalize = function () {
    const t = now();
    const r = norm0.apply(this, arguments);
    B.normalize.ms += now() - t; B.normalize.calls += 1; B.normalize.chars += this.length;
    return r;
  };
  const wrap = (proto, name) => {
    const f = proto[name];
    proto[name] = function () { B.dom.push(now()); return f.apply(this, arguments); };
  };
  wrap(Document.prototype, 'createElement');
  wrap(Document.prototype, 'createTextNode');
  wrap(Document.prototype, 'createComment');
  wrap(Node.prototype, 'cloneNode');
  wrap(Node.prototype, 'appendChild');
  wrap(Node.prototype, 'insertBefore');
  wrap(Element.prototype, 'setAttribute');
})();
