// Runs in <head>, before the first paint.
//
// 1. Tell the style sheet that JavaScript runs (`html.js`): a static page then hides what
//    only readers without it need (each card's note and arithmetic; the reader has a
//    details panel), so nothing moves when the wasm takes over.
// 2. On the site's index.html with `?article=` or `?src=`, hide the static catalog
//    (`html.query`): that address is an article, which must not flash the list first.
// 3. Start fetching the article named in the URL while the WebAssembly downloads, instead
//    of after it starts. The reader's own fetch (same URL, same mode) then reuses it.
(function () {
  var root = document.documentElement;
  root.classList.add("js");
  var params = new URLSearchParams(location.search);
  if (params.has("article") || params.has("src")) root.classList.add("query");
  // The same rules as the reader's (src/url.rs): an id of letters, digits, - and _, or a
  // same-origin http(s) URL; anything else is left for the reader to refuse.
  var id = params.get("article");
  var href = null;
  if (id) {
    if (/^[A-Za-z0-9_-]{1,200}$/.test(id)) href = "articles/" + id + ".json";
  } else if (params.get("src")) {
    try {
      var url = new URL(params.get("src"), location.href);
      if (url.origin === location.origin && /^https?:$/.test(url.protocol)) href = url.href;
    } catch (e) {}
  }
  if (!href) return;
  var link = document.createElement("link");
  link.rel = "preload";
  link.as = "fetch";
  link.crossOrigin = "anonymous";
  link.href = href;
  document.head.appendChild(link);
})();
