// The HTML parser (htmlparser2, under linkedom) keeps its open elements in an array it shifts and unshifts, so each tag
// costs as much as the nesting depth: a page 100,000 elements deep took 73 s. Real pages nest a few dozen deep; tags
// beyond MAX_HTML_DEPTH are dropped before parsing (their text is kept), which keeps parsing linear.

export const MAX_HTML_DEPTH = 1000;

const TAG = /<(\/?)([a-zA-Z][^\s/>]*)[^>]*>/g;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** The page with the tags nested deeper than maxDepth removed; the page itself when none is. */
export function flattenDeepHtml(html: string, maxDepth = MAX_HTML_DEPTH): string {
  let tags = 0;
  for (let i = html.indexOf('<'); i >= 0 && tags <= maxDepth; i = html.indexOf('<', i + 1)) tags++;
  if (tags <= maxDepth) return html;
  let depth = 0;
  let dropped = 0;
  const flat = html.replace(TAG, (tag: string, close: string, name: string) => {
    if (VOID.has(name.toLowerCase()) || tag.endsWith('/>')) return tag;
    if (close) {
      if (depth === 0) return tag;
      return depth-- > maxDepth ? (dropped++, '') : tag;
    }
    return ++depth > maxDepth ? (dropped++, '') : tag;
  });
  return dropped ? flat : html;
}
