// linkedom and Readability, loaded the first time a page or an HTML body is read: indexing workers of an
// archive without HTML never pay for them (their code is a good part of a worker's startup time and memory).
import { createRequire } from 'node:module';

type Linkedom = typeof import('linkedom');
type ReadabilityModule = typeof import('@mozilla/readability');

const requireHere = createRequire(import.meta.url);
let linkedom: Linkedom | undefined;
let readability: ReadabilityModule | undefined;

export const parseHTML: Linkedom['parseHTML'] = (html, globals) => (linkedom ??= requireHere('linkedom') as Linkedom).parseHTML(html, globals);

export function readabilityModule(): ReadabilityModule {
  return (readability ??= requireHere('@mozilla/readability') as ReadabilityModule);
}
