// Builds one block's highlighted text from a plan made in Rust (src/highlight.rs).
//
// Why JavaScript: a long article has tens of thousands of text nodes and attributes, and
// building them one wasm-bindgen call at a time spends most of its time decoding small
// strings out of wasm memory. Here the block's strings arrive as one string (`pool`) and
// the structure as numbers (`ops`), so there is one decode per block. Text goes into text
// nodes and attribute values through setAttribute: never HTML parsing.
//
// ops, a flat list:
//   0 start end                     text pool[start..end] (UTF-16 offsets)
//   1 tag n (name start end)×n      open an element, with n attributes; children follow
//   2                               close the open element
const TAGS = ["mark", "span"];
const NAMES = [
  "class", "role", "tabindex", "data-figure", "data-mention", "data-primary",
  "data-anchor", "data-cat", "aria-label", "aria-current", "data-search-hit",
];

export function fill(parent, pool, ops) {
  const doc = parent.ownerDocument;
  const root = doc.createDocumentFragment();
  const stack = [];
  let at = root;
  for (let i = 0; i < ops.length; ) {
    switch (ops[i++]) {
      case 0:
        at.appendChild(doc.createTextNode(pool.substring(ops[i], ops[i + 1])));
        i += 2;
        break;
      case 1: {
        const el = doc.createElement(TAGS[ops[i]]);
        let n = ops[i + 1];
        i += 2;
        for (; n > 0; n--, i += 3) {
          el.setAttribute(NAMES[ops[i]], pool.substring(ops[i + 1], ops[i + 2]));
        }
        at.appendChild(el);
        stack.push(at);
        at = el;
        break;
      }
      default:
        at = stack.pop() || root;
    }
  }
  parent.replaceChildren(root);
}
