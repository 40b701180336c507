// Plain-text articles in the seed's shape:
//   title
//   (blank)
//   agency            ← source
//   city              ← location (optional)
//   نشر في 26.11.2021 18:23   ← date
//   AA AA             ← photo-credit junk, dropped
//   (blank)
//   body paragraphs separated by blank lines
// Without such a header the first line is the title and the rest the body; a single paragraph keeps all its
// text as body and takes its first words as title.
import { parsePublishedDate } from '../dates/parse-published-date.js';
import { cleanLine, normaliseBody, titleFromText } from './text.js';

export interface ParsedFields {
  title: string;
  text: string;
  source?: string;
  location?: string;
  date?: string;
  url?: string;
  tags?: string[];
}

const MAX_TITLE_CHARS = 250;
const MAX_HEADER_LINE_CHARS = 70;
const MAX_HEADER_LINE_WORDS = 8;
const MAX_HEADER_LINES = 6;
/** Photo-credit residue such as "AA AA" (the same capital code repeated), or a line without letters. */
const JUNK_LINE = /^(?:([A-Z]{1,4})(?:\s+\1)+|[\p{P}\p{S}\s\d]*)$/u;
const MAX_LONE_SOURCE_WORDS = 5;
const URL_LINE = /^(?:(?:المصدر|الرابط|source|url|link)\s*[:：]\s*)?(https?:\/\/\S+)$/i;
const SENTENCE_END = /[.!?؟:]$/;
/** "المصدر: رويترز", "التاريخ: 26/11/2021", "بقلم: فلان" (an author is not the source; it is dropped). */
const LABELS: Record<string, 'source' | 'location' | 'date' | 'author'> = {
  المصدر: 'source', الوكالة: 'source', source: 'source', agency: 'source',
  المدينة: 'location', المكان: 'location', location: 'location', city: 'location',
  التاريخ: 'date', 'تاريخ النشر': 'date', date: 'date', published: 'date',
  بقلم: 'author', الكاتب: 'author', كتب: 'author', author: 'author', by: 'author',
};
const LABELLED_LINE = new RegExp(`^(${Object.keys(LABELS).join('|')})\\s*[:：]\\s*(\\S.*)$`, 'i');

export function parseTxt(content: string): ParsedFields {
  const lines = content.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length && lines[i].trim() === '') i++;
  const first = cleanLine(lines[i] ?? '');
  const rest = lines.slice(i + 1);
  const onlyParagraph = rest.every((l) => l.trim() === '');
  if (first.length > MAX_TITLE_CHARS || onlyParagraph) {
    const text = normaliseBody(lines.slice(i).join('\n'));
    return { title: titleFromText(text), text };
  }
  const header = readHeader(rest);
  const fields: ParsedFields = { title: first, text: normaliseBody(rest.slice(header.consumed).join('\n')) };
  if (header.source) fields.source = header.source;
  if (header.location) fields.location = header.location;
  if (header.date) fields.date = header.date;
  if (header.url) fields.url = header.url;
  if (!fields.text) fields.text = first;
  return fields;
}

interface Header {
  consumed: number;
  source?: string;
  location?: string;
  date?: string;
  url?: string;
}

/** Reads the short metadata lines after the title; consumes nothing when the next block is body text. */
function readHeader(lines: string[]): Header {
  let i = 0;
  while (i < lines.length && lines[i].trim() === '') i++;
  const block: string[] = [];
  let j = i;
  for (; j < lines.length && lines[j].trim() !== ''; j++) block.push(cleanLine(lines[j]));
  if (block.length === 0 || block.length > MAX_HEADER_LINES || !block.every(isHeaderLine)) return { consumed: 0 };
  const header: Header = { consumed: j };
  const names: string[] = [];
  let labelled = false;
  for (const line of block) {
    const url = URL_LINE.exec(line);
    const label = LABELLED_LINE.exec(line);
    if (url) header.url ??= url[1];
    else if (JUNK_LINE.test(line)) continue;
    else if (label) {
      labelled = true;
      const field = LABELS[label[1].toLowerCase()];
      const value = label[2];
      if (field === 'date') header.date ??= parsePublishedDate(value);
      else if (field === 'source' || field === 'location') header[field] ??= value;
    } else {
      const date = parsePublishedDate(line);
      if (date && !header.date) header.date = date;
      else names.push(line);
    }
  }
  // Without a date or URL, only a block of name lines or one very short line (an agency) is a header.
  const loneName = names.length === 1 && block.length === 1 && names[0].split(' ').length <= MAX_LONE_SOURCE_WORDS;
  if (!header.date && !header.url && !labelled && names.length < 2 && !loneName) return { consumed: 0 };
  if (j >= lines.length || lines.slice(j).every((l) => l.trim() === '')) return { consumed: 0 };
  for (const name of names) {
    if (!header.source) header.source = name;
    else if (!header.location) header.location = name;
  }
  return header;
}

function isHeaderLine(line: string): boolean {
  if (URL_LINE.test(line)) return true;
  if (line.length > MAX_HEADER_LINE_CHARS || line.split(' ').length > MAX_HEADER_LINE_WORDS) return false;
  return !SENTENCE_END.test(line) || parsePublishedDate(line) !== undefined;
}
