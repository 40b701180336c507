// Helpers over Lunr query automata (lunr.TokenSet): acceptance of a term, and a structural key of an
// automaton for memoizing expansions.

export interface TokenNode {
  final: boolean;
  edges: Record<string, TokenNode>;
}

/** Whether the (possibly nondeterministic, `*`-edged) automaton accepts `term`. */
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

/** A key identifying an automaton by its structure (Lunr's own toString uses per-instance node ids). */
export function structureKey(root: TokenNode): string {
  const ids = new Map<TokenNode, number>([[root, 0]]);
  const queue = [root];
  const parts: string[] = [];
  for (let q = 0; q < queue.length; q++) {
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
