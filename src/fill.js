// Builds a DOM fragment from a plan made in Rust (article_core::markup::Plan) and puts it
// in `parent`.
//
// Why JavaScript: a long article has tens of thousands of highlights, text nodes and
// ledger cards, and building them one wasm-bindgen call at a time spends most of its time
// decoding small strings out of wasm memory. Here a fragment's strings arrive as one
// string (`pool`) and its structure as numbers (`ops`): one decode per fragment. Strings
// become text nodes and attribute values (setAttribute): never HTML, never a style.
//
// ops, a flat list (offsets into pool in UTF-16 units):
//   0 start end                     a text node
//   1 tag n (name start end)×n      open an element with n attributes; children follow
//   2                               close the open element
// The tag and attribute names are numbered in Rust (markup::Tag::ALL, markup::Name::ALL)
// and handed over once by `vocabulary`, so the two sides cannot drift apart.
let TAGS = null;
let NAMES = null;

export function vocabulary(tags, names) {
  TAGS = tags.split(" ");
  NAMES = names.split(" ");
}

export function fill(parent, pool, ops, append) {
  if (!TAGS) throw new Error("fill: vocabulary not set");
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
      case 2:
        at = stack.pop() || root;
        break;
      default:
        throw new Error("fill: unknown op " + ops[i - 1]);
    }
  }
  if (append) parent.appendChild(root);
  else parent.replaceChildren(root);
}
