// Markdown as a reader shows it in plain text: markup removed, paragraphs and list items kept.

// Inline patterns bound how far they look for a closing mark, so a long line full of unmatched '*' or '['
// stays linear instead of quadratic.
const FENCE = /^\s*(```|~~~)/;
const HEADING_MARK = /^\s{0,3}#{1,6}(?:\s+|$)/;

/** "Title ##" → "Title" (the optional closing sequence of an ATX heading). */
export function stripClosingHashes(s: string): string {
  const t = s.trimEnd();
  let end = t.length;
  while (end > 0 && t[end - 1] === '#') end--;
  if (end === t.length) return t;
  if (end === 0) return '';
  return /\s/.test(t[end - 1]) ? t.slice(0, end).trimEnd() : t;
}

function isHorizontalRule(line: string): boolean {
  const compact = line.replace(/\s/g, '');
  return compact.length >= 3 && compact.length <= line.length && /^(?:-+|\*+|_+)$/.test(compact) && /^\s{0,3}\S/.test(line);
}

export function markdownToText(md: string): string {
  const out: string[] = [];
  let inFence = false;
  for (const raw of md.replace(/\r\n?/g, '\n').split('\n')) {
    if (FENCE.test(raw)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      out.push(raw);
      continue;
    }
    if (/^\s{0,3}\[[^\]]+\]:\s*\S+/.test(raw)) continue; // reference link definition
    if (isHorizontalRule(raw)) continue;
    if (/^\s{0,3}(=+|-+)\s*$/.test(raw) && out.length && out[out.length - 1].trim()) continue; // setext underline
    const heading = HEADING_MARK.exec(raw);
    let line = (heading ? stripClosingHashes(raw.slice(heading[0].length)) : raw)
      .replace(/^\s{0,3}(>\s?)+/, '')
      .replace(/^(\s*)[-*+]\s+\[[ xX]\]\s+/, '$1• ')
      .replace(/^(\s*)[-*+]\s+/, '$1• ');
    line = inline(line);
    out.push(line);
  }
  return out.join('\n');
}

function inline(line: string): string {
  let s = line;
  if (s.includes('](') || s.includes('][')) s = links(s);
  if (/[*_~`<\\]/.test(s)) s = emphasis(s);
  return s;
}

function links(s: string): string {
  return s
    .replace(/!\[([^\]]{0,500})\]\([^)]{0,500}\)/g, '$1')
    .replace(/\[([^\]]{1,500})\]\([^)]{0,500}\)/g, '$1')
    .replace(/\[([^\]]{1,500})\]\[[^\]]{0,100}\]/g, '$1');
}

function emphasis(s: string): string {
  return s
    .replace(/<(https?:\/\/[^>\s]{1,500})>/g, '$1')
    .replace(/`([^`]{1,500})`/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.{1,500}?)(?<=\S)\1/g, '$2')
    .replace(/(^|[^\p{L}\p{N}*])\*(?=\S)(.{1,500}?)(?<=\S)\*(?![\p{L}\p{N}])/gu, '$1$2')
    .replace(/(^|[^\p{L}\p{N}_])_(?=\S)(.{1,500}?)(?<=\S)_(?![\p{L}\p{N}])/gu, '$1$2')
    .replace(/~~(?=\S)(.{1,500}?)(?<=\S)~~/g, '$1')
    .replace(/<\/?[a-zA-Z][^<>]{0,1000}>/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1');
}
