// Plain text from HTML: block elements become paragraphs separated by blank lines, <br> a line break;
// scripts, styles and other non-content elements are dropped. Works on linkedom (or any DOM) nodes.
import { flattenDeepHtml } from './html-depth.js';
import { parseHTML } from './html-dom.js';

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'CANVAS', 'BUTTON', 'FORM', 'INPUT', 'SELECT', 'TEXTAREA', 'HEAD', 'TITLE', 'META', 'LINK']);
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TBODY',
  'THEAD', 'TFOOT', 'TR', 'UL', 'HTML',
]);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

export function nodeToText(root: DomNode): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const p = current.replace(/[ \t\r\f\v\u00A0]+/g, ' ').replace(/ ?\n ?/g, '\n').trim();
    if (p) paragraphs.push(p);
    current = '';
  };
  // Iterative walk (a hostile page may nest elements deeper than the call stack); END marks leaving a block.
  const END = null;
  const stack: (DomNode | null)[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (node === END) {
      flush();
      continue;
    }
    if (node === undefined) break;
    if (node.nodeType === 3) {
      current += (node.textContent ?? '').replace(/\s+/g, ' ');
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) continue;
    if (name === 'BR') {
      current += '\n';
      continue;
    }
    const block = BLOCK.has(name) || name === 'TD' || name === 'TH';
    if (block) {
      flush();
      stack.push(END);
    }
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  flush();
  return paragraphs.join('\n\n');
}

/** Depth of the deepest element and number of elements, walked without recursion. */
export function measureTree(root: DomNode): { depth: number; elements: number } {
  let depth = 0;
  let elements = 0;
  const stack: [DomNode, number][] = [[root, 0]];
  while (stack.length) {
    const [node, d] = stack.pop()!;
    if (node.nodeType !== 1 && node.nodeType !== 9) continue;
    elements++;
    if (d > depth) depth = d;
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) if (kids[i].nodeType === 1) stack.push([kids[i], d + 1]);
  }
  return { depth, elements };
}

export function looksLikeHtml(s: string): boolean {
  return /<(p|div|br|h[1-6]|article|span|a|strong|em|ul|li)\b[^>]*>/i.test(s);
}

export function htmlFragmentToText(html: string): string {
  const { document } = parseHTML(flattenDeepHtml(`<!DOCTYPE html><html><body>${html}</body></html>`));
  return nodeToText(document.body as unknown as DomNode);
}
