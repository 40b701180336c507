// Article bodies (and their entities) live on disk, one deflated record per article in a segment's pack file,
// read back only for the few articles a result page shows, a phrase check, or the reader.
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { EntitySpan } from '../api.js';

export interface PackedBody {
  text: string;
  entities: EntitySpan[];
}

export type PackRef = [offset: number, length: number];

export class PackWriter {
  private fd: number;
  private offset = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  add(body: PackedBody): PackRef {
    return this.addRaw(deflateRawSync(JSON.stringify(body), { level: 4 }));
  }

  /** Copies a record already in pack form (an unchanged article carried into a rebuilt segment). */
  addRaw(record: Uint8Array): PackRef {
    let off = 0;
    while (off < record.length) off += writeSync(this.fd, record, off, record.length - off);
    const ref: PackRef = [this.offset, record.length];
    this.offset += record.length;
    return ref;
  }

  close(): number {
    closeSync(this.fd);
    return this.offset;
  }
}

export function unpackBody(record: Uint8Array): PackedBody {
  return JSON.parse(inflateRawSync(record).toString('utf8')) as PackedBody;
}

export class PackReader {
  private fd: number | null;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'r');
  }

  readRaw([offset, length]: PackRef): Buffer {
    if (this.fd === null) throw new Error('pack is closed');
    const buf = Buffer.allocUnsafe(length);
    let got = 0;
    while (got < length) {
      const n = readSync(this.fd, buf, got, length - got, offset + got);
      if (n === 0) throw new Error(`article record truncated in ${this.path}`);
      got += n;
    }
    return buf;
  }

  read(ref: PackRef): PackedBody {
    return unpackBody(this.readRaw(ref));
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
