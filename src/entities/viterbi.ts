import { NUM_TAGS, allowed } from './tags.js';

/**
 * Best tag sequence under BIO constraints. `emissions` is n × NUM_TAGS; `transitions` is
 * (NUM_TAGS + 1) × NUM_TAGS, its last row scoring the first tag of the sentence.
 */
const ALLOWED = new Uint8Array((NUM_TAGS + 1) * NUM_TAGS);
for (let p = -1; p < NUM_TAGS; p++) for (let t = 0; t < NUM_TAGS; t++) ALLOWED[(p + 1) * NUM_TAGS + t] = allowed(p, t) ? 1 : 0;

let scoreBuffer = new Float64Array(0);
let backBuffer = new Int32Array(0);

export function viterbi(emissions: Float64Array, n: number, transitions: Float64Array, out?: Int32Array): Int32Array {
  const T = NUM_TAGS;
  const tags = out && out.length >= n ? out : new Int32Array(n);
  if (n === 0) return tags;
  if (scoreBuffer.length < n * T) {
    scoreBuffer = new Float64Array(n * T * 2);
    backBuffer = new Int32Array(n * T * 2);
  }
  const score = scoreBuffer;
  const back = backBuffer;
  for (let t = 0; t < T; t++) score[t] = ALLOWED[t] ? emissions[t] + transitions[T * T + t] : -Infinity;
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < T; t++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < T; p++) {
        if (!ALLOWED[(p + 1) * T + t]) continue;
        const s = score[(i - 1) * T + p] + transitions[p * T + t];
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
