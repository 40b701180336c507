import { describe, expect, it } from 'vitest';
import { wordHash } from '../../../src/entities/features.js';
import { decodeModel, encodeModel, type ModelHeader } from '../../../src/entities/model.js';
import { NameCounts, nameLookup, pairKey } from '../../../src/entities/name-dictionary.js';
import { NUM_TAGS, TAGS } from '../../../src/entities/tags.js';

const tag = (t: string) => TAGS.indexOf(t);

describe('name dictionary', () => {
  const counts = new NameCounts();
  counts.add(['زار', 'بوتين', 'موسكو'], [tag('O'), tag('B-PER'), tag('B-LOC')]);
  counts.add(['قال', 'بوتين', 'في', 'موسكو'], [tag('O'), tag('B-PER'), tag('O'), tag('B-LOC')]);
  counts.add(['في', 'موسكو'], [tag('O'), tag('O')]);
  const codes = counts.codes();

  it('holds only words seen inside names, each with a code of its type and reliability', () => {
    expect([...codes.keys()].sort()).toEqual(['بوتين', 'موسكو']);
    expect(codes.get('بوتين')).not.toBe(codes.get('موسكو')); // PER vs LOC
    const loc = codes.get('موسكو')!;
    const alwaysLoc = new NameCounts();
    alwaysLoc.add(['موسكو'], [tag('B-LOC')]);
    expect(alwaysLoc.codes().get('موسكو')).not.toBe(loc); // 2 of 3 in a name is less sure than 1 of 1
  });

  it('also holds word pairs that were one name, and no punctuation', () => {
    const c = new NameCounts();
    c.add(['قال', 'فلاديمير', 'بوتين', '،', 'ثم'], [tag('O'), tag('B-PER'), tag('I-PER'), tag('I-PER'), tag('O')]);
    const got = c.codes();
    expect(got.has(pairKey('فلاديمير', 'بوتين'))).toBe(true);
    expect(got.has(pairKey('قال', 'فلاديمير'))).toBe(false);
    expect(got.has('،')).toBe(false);
  });

  it('survives the model file and answers 0 for words it does not hold', () => {
    const entries = [...codes].map(([w, c]) => [wordHash(w), c] as const).sort((a, b) => a[0] - b[0]);
    const header: ModelHeader = { version: 1, tags: [...TAGS], scale: 1, features: 0, lexicon: 0, clusters: 0, names: entries.length, transitions: new Array((NUM_TAGS + 1) * NUM_TAGS).fill(0) };
    const empty32 = new Uint32Array(0);
    const model = decodeModel(
      encodeModel(header, {
        featureKeys: empty32,
        weights: new Int16Array(0),
        lexiconKeys: empty32,
        lexiconCounts: new Uint16Array(0),
        clusterKeys: empty32,
        clusterIds: empty32,
        nameKeys: Uint32Array.from(entries.map(([k]) => k)),
        nameCodes: Uint8Array.from(entries.map(([, c]) => c)),
      }),
    );
    expect(model.names!('بوتين')).toBe(codes.get('بوتين'));
    expect(model.names!('موسكو')).toBe(codes.get('موسكو'));
    expect(model.names!('قال')).toBe(0);
    const lookup = nameLookup(model.nameKeys!, model.nameCodes!, wordHash);
    expect(lookup('باكو')).toBe(0);
  });
});
