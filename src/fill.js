// Builds a DOM fragment from a plan made in Rust (src/plan.rs) and puts it in `parent`.
//
// Why JavaScript: a long article has tens of thousands of highlights, text nodes and
// ledger cards, and building them one wasm-bindgen call at a time spends most of its time
// decoding small strings out of wasm memory. Here a fragment's strings arrive as one
// string (`pool`) and its structure as numbers (`ops`): one decode per fragment. Strings
// become text nodes, attribute values (setAttribute) and one style property (CSSOM, which
// a strict Content-Security-Policy allows): never HTML.
//
// ops, a flat list (offsets into pool in UTF-16 units):
//   0 start end                     a text node
//   1 tag n (name start end)×n      open an element with n attributes; children follow
//   2                               close the open element
const TAGS = ["mark", "span", "li", "button"];
const NAMES = [
  "class", "role", "tabindex", "data-figure", "data-mention", "data-primary",
  "data-anchor", "data-cat", "aria-label", "aria-current", "data-search-hit", "type",
  "data-figure-card", "aria-hidden", "lang", "dir",
];
const STYLE_WIDTH = 16;

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
          const value = pool.substring(ops[i + 1], ops[i + 2]);
          if (ops[i] === STYLE_WIDTH) el.style.width = value;
          else el.setAttribute(NAMES[ops[i]], value);
        }
        at.appendChild(el);
        stack.push(at);
        at = el;
        break;
      }
      case 2:
        at = stack.pop() || root;
        break;
      default:
        throw new Error("fill: unknown op " + ops[i - 1]);
    }
  }
  parent.replaceChildren(root);
}
