// Ranking metrics at a cut-off, for a ranked list of article ids and the set of ids that answer the query.

export interface Scores {
  mrr: number;
  recall: number;
  ndcg: number;
}

export function scoresOf(ranked: readonly string[], answers: ReadonlySet<string>, k = 10): Scores {
  const top = ranked.slice(0, k);
  const first = top.findIndex((id) => answers.has(id));
  let dcg = 0;
  let found = 0;
  top.forEach((id, i) => {
    if (answers.has(id)) {
      dcg += 1 / Math.log2(i + 2);
      found++;
    }
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(k, answers.size); i++) ideal += 1 / Math.log2(i + 2);
  return { mrr: first < 0 ? 0 : 1 / (first + 1), recall: answers.size ? found / answers.size : 0, ndcg: ideal ? dcg / ideal : 0 };
}

export function meanScores(all: readonly Scores[]): Scores {
  const n = all.length || 1;
  return {
    mrr: all.reduce((s, x) => s + x.mrr, 0) / n,
    recall: all.reduce((s, x) => s + x.recall, 0) / n,
    ndcg: all.reduce((s, x) => s + x.ndcg, 0) / n,
  };
}
