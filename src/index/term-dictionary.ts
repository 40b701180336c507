// Stands in for lunr.TokenSet of an index: Lunr only calls `tokenSet.intersect(queryTokenSet).toArray()`.
// Exact terms are found by binary search and prefixes by a range of the sorted term list, so loading an index
// never builds a trie of the whole vocabulary; other wildcards and fuzzy terms run the query automaton
// over the candidate terms.
import type lunr from 'lunr';

interface TokenNode {
  final: boolean;
  edges: Record<string, TokenNode>;
}

export function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function indexOfTerm(sorted: readonly string[], term: string): number {
  const i = lowerBound(sorted, term);
  return i < sorted.length && sorted[i] === term ? i : -1;
}

export function automatonAccepts(root: TokenNode, term: string): boolean {
  let states: TokenNode[] = [root];
  for (let i = 0; i < term.length; i++) {
    const ch = term[i];
    const next: TokenNode[] = [];
    for (const s of states) {
      const a = s.edges[ch];
      if (a && !next.includes(a)) next.push(a);
      const w = s.edges['*'];
      if (w && !next.includes(w)) next.push(w);
    }
    if (next.length === 0) return false;
    states = next;
  }
  return states.some((s) => s.final);
}

/** A key identifying the language of an automaton by its structure (Lunr's own toString uses node ids). */
function structureKey(root: TokenNode): string {
  const ids = new Map<TokenNode, number>([[root, 0]]);
  const queue = [root];
  const parts: string[] = [];
  for (let q = 0; q < queue.length && parts.length < 5000; q++) {
    const node = queue[q];
    parts.push(node.final ? '|1' : '|0');
    for (const label of Object.keys(node.edges).sort()) {
      const child = node.edges[label];
      let id = ids.get(child);
      if (id === undefined) {
        id = ids.size;
        ids.set(child, id);
        queue.push(child);
      }
      parts.push(label, String(id), ',');
    }
  }
  return parts.join('');
}

export class TermDictionary {
  /** Each segment of a query expands the same clause; the expansion is computed once. */
  private memo = new Map<string, string[]>();

  constructor(readonly terms: readonly string[]) {}

  /** The dictionary terms the query token set accepts. */
  matching(query: TokenNode): string[] {
    const key = structureKey(query);
    let found = this.memo.get(key);
    if (!found) {
      if (this.memo.size > 500) this.memo.clear();
      found = this.expand(query);
      this.memo.set(key, found);
    }
    return found;
  }

  private expand(query: TokenNode): string[] {
    let node = query;
    let prefix = '';
    for (;;) {
      const keys = Object.keys(node.edges);
      if (node.final || keys.length !== 1 || keys[0] === '*') break;
      prefix += keys[0];
      node = node.edges[keys[0]];
    }
    if (node.final && Object.keys(node.edges).length === 0) {
      return indexOfTerm(this.terms, prefix) >= 0 ? [prefix] : [];
    }
    const from = lowerBound(this.terms, prefix);
    const to = prefix ? lowerBound(this.terms, prefix + '\uffff') : this.terms.length;
    const out: string[] = [];
    for (let i = from; i < to; i++) if (automatonAccepts(query, this.terms[i])) out.push(this.terms[i]);
    return out;
  }

  intersect(query: lunr.TokenSet): { toArray(): string[] } {
    const found = this.matching(query as unknown as TokenNode);
    return { toArray: () => found };
  }
}
