// Start fetching the article named in the URL while the WebAssembly downloads, instead of
// after it starts. The reader's own fetch (same URL, same mode) then reuses this response.
(function () {
  var id = new URLSearchParams(location.search).get("article");
  if (!id || !/^[A-Za-z0-9_-]{1,200}$/.test(id)) return;
  var link = document.createElement("link");
  link.rel = "preload";
  link.as = "fetch";
  link.crossOrigin = "anonymous";
  link.href = "articles/" + id + ".json";
  document.head.appendChild(link);
})();
