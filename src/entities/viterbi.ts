import { NUM_TAGS, allowed } from './tags.js';

// Best tag sequence under BIO constraints. `emissions` is n × NUM_TAGS; `transitions` is
// (NUM_TAGS + 1) × NUM_TAGS, its last row scoring the first tag of the sentence.

const T = NUM_TAGS;
/** Tags allowed before tag t (ascending): PREDECESSORS[PRED_FROM[t] … PRED_FROM[t + 1]). */
const PREDECESSORS: number[] = [];
const PRED_FROM = new Int32Array(T + 1);
for (let t = 0; t < T; t++) {
  PRED_FROM[t] = PREDECESSORS.length;
  for (let p = 0; p < T; p++) if (allowed(p, t)) PREDECESSORS.push(p);
}
PRED_FROM[T] = PREDECESSORS.length;
const PRED = Int32Array.from(PREDECESSORS);

let scoreBuffer = new Float64Array(0);
let backBuffer = new Int32Array(0);

export function viterbi(emissions: Float64Array, n: number, transitions: Float64Array, out?: Int32Array): Int32Array {
  const tags = out && out.length >= n ? out : new Int32Array(n);
  if (n === 0) return tags;
  if (scoreBuffer.length < n * T) {
    scoreBuffer = new Float64Array(n * T * 2);
    backBuffer = new Int32Array(n * T * 2);
  }
  const score = scoreBuffer;
  const back = backBuffer;
  for (let t = 0; t < T; t++) score[t] = allowed(-1, t) ? emissions[t] + transitions[T * T + t] : -Infinity;
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * T;
    for (let t = 0; t < T; t++) {
      let best = -Infinity;
      let arg = 0;
      for (let q = PRED_FROM[t], end = PRED_FROM[t + 1]; q < end; q++) {
        const p = PRED[q];
        const s = score[prev + p] + transitions[p * T + t];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * T + t] = best + emissions[i * T + t];
      back[i * T + t] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  for (let t = 0; t < T; t++) {
    if (score[(n - 1) * T + t] > best) {
      best = score[(n - 1) * T + t];
      arg = t;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    tags[i] = arg;
    arg = back[i * T + arg];
  }
  return tags;
}
