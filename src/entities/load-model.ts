import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clusterLookup, type ClusterLookup } from './clusters.js';
import { wordHash } from './features.js';
import { Gazetteer, type GazetteerData } from './gazetteer.js';
import { decodeModel, type TaggerModel } from './model.js';

export const MODEL_FILE = 'entities-model.bin.gz';
export const GAZETTEER_FILE = 'gazetteer.json';

export interface LoadedTagger {
  model: TaggerModel;
  gazetteer: Gazetteer;
  clusters: ClusterLookup | null;
}

let modelDir: string | null = null;
let loaded: LoadedTagger | null = null;

/** Where the model files are, for hosts that ship them elsewhere (e.g. a packaged app's resources). */
export function setEntityModelDir(dir: string): void {
  modelDir = dir;
  loaded = null;
}

/** assets/models from the source tree (src/entities) or from the bundle (dist/), or ARCHIVE_READER_MODELS. */
function findModelDir(): string {
  const candidates = [
    modelDir,
    process.env.ARCHIVE_READER_MODELS,
    fileURLToPath(new URL('../../assets/models/', import.meta.url)),
    fileURLToPath(new URL('../assets/models/', import.meta.url)),
    fileURLToPath(new URL('./models/', import.meta.url)),
  ].filter((d): d is string => !!d);
  const found = candidates.find((d) => existsSync(join(d, MODEL_FILE)));
  if (!found) throw new Error(`entity model ${MODEL_FILE} not found (looked in ${candidates.join(', ')})`);
  return found;
}

/** The tagger's model and gazetteer, read once per process (or worker) on first use. */
export function loadTagger(): LoadedTagger {
  if (loaded) return loaded;
  const dir = findModelDir();
  const model = decodeModel(readFileSync(join(dir, MODEL_FILE)));
  const gazetteer = new Gazetteer(JSON.parse(readFileSync(join(dir, GAZETTEER_FILE), 'utf8')) as GazetteerData);
  const clusters = model.header.clusters > 0 ? clusterLookup({ keys: model.clusterKeys, ids: model.clusterIds }, wordHash) : null;
  loaded = { model, gazetteer, clusters };
  return loaded;
}
