// Markdown as a reader shows it in plain text: markup removed, paragraphs and list items kept.

const FENCE = /^\s*(```|~~~)/;

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
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(raw)) continue; // horizontal rule
    if (/^\s{0,3}(=+|-+)\s*$/.test(raw) && out.length && out[out.length - 1].trim()) continue; // setext underline
    let line = raw
      .replace(/^\s{0,3}#{1,6}\s+/, '')
      .replace(/\s+#+\s*$/, '')
      .replace(/^\s{0,3}(>\s?)+/, '')
      .replace(/^(\s*)[-*+]\s+\[[ xX]\]\s+/, '$1• ')
      .replace(/^(\s*)[-*+]\s+/, '$1• ');
    line = inline(line);
    out.push(line);
  }
  return out.join('\n');
}

function inline(s: string): string {
  return s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[^\p{L}\p{N}*])\*(?=\S)(.+?)(?<=\S)\*(?![\p{L}\p{N}])/gu, '$1$2')
    .replace(/(^|[^\p{L}\p{N}_])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}])/gu, '$1$2')
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '$1')
    .replace(/<\/?[a-zA-Z][^>]*>/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1');
}
