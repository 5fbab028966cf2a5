// The benchmark's baseline (scripts/bench.sh copies this page into the bench site): what a
// competent, straightforward plain-JavaScript reader does with the same `article/1` JSON.
//
//   ?article=ID → fetch articles/ID.json → anchor every mention with indexOf (in `block`
//   when given, else in each block in order; prefix/suffix must touch the quote; the first
//   occurrence that fits wins) → build paragraphs with <mark data-figure> and a ledger card
//   per figure with createElement, detached, attach once → performance.mark
//   ("article-rendered") in the next animation frame, like the reader (src/page.rs).
//
// No normalisation, no validation, no relations: the JSON is trusted. A mention overlapping
// an earlier one in the same block is skipped. `plain:*` marks split the time into phases.
// A click on a highlight sets aria-current on the figure's highlights and card (for the
// selection benchmark's reference number). No inline script or style (the site's CSP).
(function () {
  "use strict";
  var perf = window.performance;
  perf.mark("plain:start");

  var id = new URLSearchParams(location.search).get("article");
  if (!id || !/^[A-Za-z0-9_-]{1,200}$/.test(id)) {
    fail("Open this page with ?article=ID");
    return;
  }

  fetch("articles/" + id + ".json")
    .then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status + " for " + response.url);
      return response.text();
    })
    .then(function (text) {
      perf.mark("plain:fetched");
      var doc = JSON.parse(text);
      perf.mark("plain:parsed");
      render(doc);
    })
    .catch(function (e) {
      fail(String(e));
    });

  function fail(message) {
    var p = document.createElement("p");
    p.setAttribute("role", "alert");
    p.textContent = message;
    document.body.appendChild(p);
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text != null) e.textContent = text;
    return e;
  }

  // The searchable text of a block (paragraph text, image caption), or null.
  function blockText(block) {
    if (block.kind === "paragraph") return block.text;
    if (block.kind === "image") return block.caption || null;
    return null;
  }

  function render(doc) {
    var lang = doc.lang || "en";
    var vi = lang === "vi";
    var blocks = doc.blocks || [];
    var figures = doc.figures || [];
    var categories = doc.categories || [];
    var texts = blocks.map(blockText);

    // ---- anchoring
    function findIn(b, quote, prefix, suffix) {
      var t = texts[b];
      if (!t) return -1;
      var i = t.indexOf(quote);
      while (i !== -1) {
        if (
          (prefix === "" || (i >= prefix.length && t.startsWith(prefix, i - prefix.length))) &&
          (suffix === "" || t.startsWith(suffix, i + quote.length))
        ) {
          return i;
        }
        i = t.indexOf(quote, i + 1);
      }
      return -1;
    }

    var hits = blocks.map(function () {
      return [];
    });
    for (var f = 0; f < figures.length; f++) {
      var mentions = figures[f].mentions || [];
      for (var m = 0; m < mentions.length; m++) {
        var mention = mentions[m];
        var quote = mention.quote;
        if (!quote) continue;
        var prefix = mention.prefix || "";
        var suffix = mention.suffix || "";
        if (typeof mention.block === "number") {
          var at = findIn(mention.block, quote, prefix, suffix);
          if (at !== -1) hits[mention.block].push({ start: at, end: at + quote.length, figure: f });
        } else {
          for (var b = 0; b < texts.length; b++) {
            var pos = findIn(b, quote, prefix, suffix);
            if (pos !== -1) {
              hits[b].push({ start: pos, end: pos + quote.length, figure: f });
              break;
            }
          }
        }
      }
    }
    perf.mark("plain:anchored");

    // ---- formatting (one formatter, reused)
    var numbers = new Intl.NumberFormat(vi ? "vi-VN" : "en-US", { maximumFractionDigits: 2, useGrouping: true });
    var over = vi ? "trên " : "over ";
    var categoryIndex = new Map();
    categories.forEach(function (c, i) {
      categoryIndex.set(c.id, i);
    });
    var valueText = figures.map(function (fig) {
      var n = numbers.format(fig.value);
      var unit = fig.unit ? (fig.unit === "%" ? (vi ? " %" : "%") : " " + fig.unit) : "";
      return (fig.qualifier === "over" ? over : "") + n + unit;
    });
    var catOf = figures.map(function (fig) {
      return categoryIndex.has(fig.category) ? categoryIndex.get(fig.category) : -1;
    });

    // ---- article
    var marksOf = figures.map(function () {
      return [];
    });
    function fillText(parent, b) {
      var t = texts[b];
      var list = hits[b].sort(function (x, y) {
        return x.start - y.start;
      });
      var at = 0;
      for (var i = 0; i < list.length; i++) {
        var h = list[i];
        if (h.start < at) continue; // overlaps an earlier mention: skipped
        if (h.start > at) parent.appendChild(document.createTextNode(t.slice(at, h.start)));
        var fig = figures[h.figure];
        var c = catOf[h.figure];
        var mark = el("mark", c >= 0 ? "hl c" + (c % 8) : "hl cx", t.slice(h.start, h.end));
        mark.setAttribute("data-figure", fig.id);
        mark.setAttribute("role", "button");
        mark.setAttribute("tabindex", "0");
        mark.setAttribute("aria-label", t.slice(h.start, h.end) + " — " + valueText[h.figure]);
        marksOf[h.figure].push(mark);
        parent.appendChild(mark);
        at = h.end;
      }
      if (at < t.length) parent.appendChild(document.createTextNode(t.slice(at)));
    }

    var article = el("article", "article");
    article.lang = lang;
    var head = el("header", "article-head");
    if (doc.kicker) head.appendChild(el("p", "kicker", doc.kicker));
    head.appendChild(el("h1", null, doc.title));
    var meta = el("p", "meta");
    if (doc.published) {
      var time = el("time", "date", doc.published.slice(0, 10));
      time.dateTime = doc.published.slice(0, 10);
      meta.appendChild(time);
    }
    if (doc.byline) meta.appendChild(el("span", "byline", doc.byline));
    head.appendChild(meta);
    article.appendChild(head);
    var body = el("div", "body");
    for (var k = 0; k < blocks.length; k++) {
      var block = blocks[k];
      if (block.kind === "paragraph") {
        var p = el("p");
        fillText(p, k);
        body.appendChild(p);
      } else if (block.kind === "image") {
        var figure = el("figure", "image");
        var img = el("img");
        img.src = block.src;
        img.alt = block.alt || "";
        img.loading = "lazy";
        img.decoding = "async";
        figure.appendChild(img);
        if (block.caption || block.credit) {
          var caption = el("figcaption");
          if (block.caption) {
            var span = el("span", "caption");
            fillText(span, k);
            caption.appendChild(span);
          }
          caption.appendChild(document.createTextNode(" "));
          if (block.credit) caption.appendChild(el("span", "credit", block.credit));
          figure.appendChild(caption);
        }
        body.appendChild(figure);
      }
    }
    article.appendChild(body);

    // ---- ledger: one card per figure, grouped by category (uncategorised last)
    var cardOf = new Array(figures.length);
    var groups = categories.map(function () {
      return [];
    });
    var loose = [];
    for (var g = 0; g < figures.length; g++) (catOf[g] >= 0 ? groups[catOf[g]] : loose).push(g);
    var ledger = el("section", "ledger");
    ledger.appendChild(el("h2", null, vi ? "Các con số" : "Figures"));
    function group(label, c, members) {
      if (members.length === 0) return;
      var section = el("section", "group");
      var h3 = el("h3");
      if (c >= 0) h3.appendChild(el("span", "swatch c" + (c % 8)));
      h3.appendChild(document.createTextNode(label));
      section.appendChild(h3);
      var scale = 0;
      members.forEach(function (fi) {
        if (isFinite(figures[fi].value) && figures[fi].value > scale) scale = figures[fi].value;
      });
      var ul = el("ul", "cards");
      members.forEach(function (fi) {
        var fig = figures[fi];
        var li = el("li", "card-item");
        var button = el("button", "card");
        button.type = "button";
        button.setAttribute("data-figure-card", fig.id);
        button.appendChild(el("span", "card-value", valueText[fi]));
        button.appendChild(el("span", "card-label", fig.label || ""));
        var ratio = fig.unit === "%" ? fig.value / 100 : scale > 0 ? fig.value / scale : 0;
        var mini = el("span", "mini");
        mini.setAttribute("aria-hidden", "true");
        var bar = el("span", "mini-bar");
        bar.style.width = Math.max(1, Math.min(1, Math.max(0, ratio)) * 100).toFixed(1) + "%";
        mini.appendChild(bar);
        button.appendChild(mini);
        li.appendChild(button);
        ul.appendChild(li);
        cardOf[fi] = button;
      });
      section.appendChild(ul);
      ledger.appendChild(section);
    }
    groups.forEach(function (members, c) {
      group(categories[c].label, c, members);
    });
    group(vi ? "Chưa phân loại" : "Uncategorised", -1, loose);

    var reader = el("div", "reader");
    var main = el("main", "reading");
    main.id = "main";
    main.appendChild(article);
    reader.appendChild(main);
    var side = el("aside", "side");
    var sideBody = el("div", "side-body");
    sideBody.appendChild(ledger);
    side.appendChild(sideBody);
    reader.appendChild(side);
    perf.mark("plain:built");

    // ---- selection: aria-current on the clicked figure's highlights and card
    var figureIndex = new Map();
    figures.forEach(function (fig, i) {
      figureIndex.set(fig.id, i);
    });
    var current = [];
    article.addEventListener("click", function (ev) {
      var mark = ev.target.closest ? ev.target.closest("mark[data-figure]") : null;
      if (!mark) return;
      var fi = figureIndex.get(mark.getAttribute("data-figure"));
      current.forEach(function (e) {
        e.removeAttribute("aria-current");
      });
      current = marksOf[fi].concat(cardOf[fi] ? [cardOf[fi]] : []);
      current.forEach(function (e) {
        e.setAttribute("aria-current", "true");
      });
      if (cardOf[fi]) cardOf[fi].scrollIntoView({ block: "nearest" });
    });

    document.title = doc.title;
    document.documentElement.lang = lang;
    document.body.appendChild(reader);
    perf.mark("plain:attached");
    requestAnimationFrame(function () {
      perf.mark("article-rendered");
    });
  }
})();
