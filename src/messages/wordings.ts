// A table of wordings: one function per message code, filling in the parameters with the interface's own number
// formats. english.ts is the CLI's (and the English UI's) table; the UI keeps the Arabic one.
import type { Message, MessageCode, MessageParams } from './message.js';

export interface WordingFormat {
  number(n: number): string;
  /** A file size in bytes, e.g. "2 KB". */
  size(bytes: number): string;
  /** Query syntax or a technical name (`title:`, JSON), left to right inside any text. */
  syntax(text: string): string;
  /** The user's own text (a path, a word typed), in its own direction. */
  user(text: string): string;
}

export type Wording = (p: MessageParams, f: WordingFormat) => string;
export type Wordings = Record<MessageCode, Wording>;

/** The message in the table's language; an unknown code (a newer engine) is shown as the code itself. */
export function wordMessage(table: Wordings, m: Message<string>, f: WordingFormat): string {
  const wording = (table as Record<string, Wording | undefined>)[m.code];
  return wording ? wording(m.params ?? {}, f) : m.code;
}

/** A parameter as text ('' when absent). */
export function param(p: MessageParams, name: string): string {
  const v = p[name];
  return v === undefined ? '' : String(v);
}
