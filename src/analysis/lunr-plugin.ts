import lunrType from 'lunr';
import { analyzeWord, analyzeWordAt, forEachTerm } from './analyzer.js';
import { forEachToken } from './tokenize.js';

type Lunr = typeof lunrType;

/** Label of the search-pipeline function (stored in serialized indexes; Index.load needs it registered). */
export const ARABIC_QUERY_FUNCTION = 'arabicQueryTerms';
/** Label of the indexing-pipeline function (for callers that keep Lunr's tokenizer and want our terms). */
export const ARABIC_TERM_FUNCTION = 'arabicTerm';

const registered = new WeakSet<object>();
const tokenizers = new WeakMap<object, (obj?: unknown, metadata?: object) => lunrType.Token[]>();

function makeTokenizer(lunr: Lunr) {
  return function arabicTokenizer(obj?: unknown, metadata?: object): lunrType.Token[] {
    if (obj === null || obj === undefined) return [];
    const values = Array.isArray(obj) ? obj : [obj];
    const tokens: lunrType.Token[] = [];
    for (const value of values) {
      if (value === null || value === undefined) continue;
      const text = String(value);
      forEachTerm(text, (term, start, end) => {
        const meta = { ...(metadata ?? {}), position: [start, end - start], index: tokens.length };
        tokens.push(new lunr.Token(term, meta));
      });
    }
    return tokens;
  };
}

/**
 * Registers the analyzer's pipeline functions with this Lunr instance, so indexes built with it serialize and
 * Index.load can read them back. Call once before building or loading (calling again is harmless).
 */
export function registerArabicAnalyzer(lunr: Lunr = lunrType): void {
  if (registered.has(lunr)) return;
  registered.add(lunr);

  // Search pipeline: a query clause term ("وبوتين،") → its terms (["بوتين"]); stop words → nothing.
  const queryTerms = function (token: lunrType.Token): lunrType.Token[] {
    const text = token.toString();
    const out: lunrType.Token[] = [];
    forEachToken(text, (start, end, isArabic) => {
      const a = analyzeWordAt(text, start, end, isArabic);
      if (!a.stop) out.push(token.clone(() => a.term));
    });
    return out;
  } as unknown as lunrType.PipelineFunction;
  lunr.Pipeline.registerFunction(queryTerms, ARABIC_QUERY_FUNCTION);

  // Indexing pipeline for tokens made by another tokenizer (one word per token): word → term, stop words dropped.
  const term = function (token: lunrType.Token): lunrType.Token | undefined {
    const a = analyzeWord(token.toString());
    if (a === undefined || a.stop) return undefined;
    return token.update(() => a.term);
  } as unknown as lunrType.PipelineFunction;
  lunr.Pipeline.registerFunction(term, ARABIC_TERM_FUNCTION);

  tokenizers.set(lunr, makeTokenizer(lunr));
}

/**
 * Makes a Lunr builder index and search with the Arabic analyzer: our tokenizer (which already yields final
 * terms, with `position` [start, length] metadata), an empty indexing pipeline, and the query-term search
 * pipeline. Use inside `lunr(function () { useArabicAnalyzer(this, lunr); ... })` or on a `new lunr.Builder()`.
 */
export function useArabicAnalyzer(builder: lunrType.Builder, lunr: Lunr = lunrType): void {
  registerArabicAnalyzer(lunr);
  const tokenizer = tokenizers.get(lunr);
  if (!tokenizer) throw new Error('Arabic analyzer is not registered with this Lunr instance');
  (builder as unknown as { tokenizer: unknown }).tokenizer = tokenizer;
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  builder.searchPipeline.add(getRegistered(lunr, ARABIC_QUERY_FUNCTION));
}

function getRegistered(lunr: Lunr, label: string): lunrType.PipelineFunction {
  const fn = (lunr.Pipeline as unknown as { registeredFunctions: Record<string, lunrType.PipelineFunction> })
    .registeredFunctions[label];
  if (!fn) throw new Error(`lunr pipeline function ${label} is not registered`);
  return fn;
}

/** The Lunr plugin form: `lunr(function () { this.use(arabicAnalyzerPlugin, lunr); ... })`. */
export function arabicAnalyzerPlugin(this: lunrType.Builder, builder: lunrType.Builder, lunr: Lunr = lunrType): void {
  useArabicAnalyzer(builder, lunr);
}
