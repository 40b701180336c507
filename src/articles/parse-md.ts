// Markdown articles: optional YAML front matter (title, source, published/date, url, tags, location/city),
// then the text. Without a title in front matter the first heading is the title. A leading heading that
// repeats the title is not repeated in the body.
import { parse as parseYaml } from 'yaml';
import { ArticleFailure } from './failure-reason.js';
import { markdownToText, stripClosingHashes } from './markdown-to-text.js';
import type { ParsedFields } from './parse-txt.js';
import { parseTxt } from './parse-txt.js';
import { readMetadata, readTitle, type Fields } from './metadata-fields.js';
import { cleanLine, normaliseBody, titleFromText } from './text.js';

const FRONT_MATTER = /^(?:\uFEFF)?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const HEADING_MARK = /^\s{0,3}#{1,6}\s+/;

export function parseMd(content: string): ParsedFields {
  const fm = FRONT_MATTER.exec(content);
  let meta: Fields = {};
  let body = content;
  if (fm) {
    let parsed: unknown;
    try {
      parsed = parseYaml(fm[1]);
    } catch (e) {
      throw new ArticleFailure({ code: 'invalid-front-matter', params: { detail: firstLine((e as Error).message) } });
    }
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) meta = parsed as Fields;
    body = content.slice(fm[0].length);
  }
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const headingIndex = lines.findIndex((l) => l.trim() !== '');
  const mark = headingIndex >= 0 ? HEADING_MARK.exec(lines[headingIndex]) : null;
  const headingText = mark ? stripClosingHashes(lines[headingIndex].slice(mark[0].length)) : '';
  const heading = headingText ? [lines[headingIndex], headingText] : null;
  let title = readTitle(meta);
  if (heading) {
    const headingText = cleanLine(markdownToText(heading[1]));
    if (!title || headingText === title) {
      title = headingText;
      lines.splice(headingIndex, 1);
    }
  }
  const text = normaliseBody(markdownToText(lines.join('\n')));
  if (!fm && !heading) return parseTxt(text);
  return { title: title || titleFromText(text), text: text || title || '', ...readMetadata(meta) };
}

function firstLine(s: string): string {
  return s.split('\n')[0];
}
