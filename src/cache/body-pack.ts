// Article bodies (and their entities) live on disk, one deflated record per article in a segment's pack file,
// read back only for the few articles a result page shows, a phrase check, or the reader. Each record starts with
// the CRC-32 of the rest, checked on every read: a damaged record is reported, never decoded into wrong text.
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import type { EntitySpan } from '../api.js';

export interface PackedBody {
  text: string;
  entities: EntitySpan[];
}

export type PackRef = [offset: number, length: number];

const CRC_BYTES = 4;

/** A pack record that does not read back as it was written (a flipped bit, a truncated file). */
export class DamagedRecordError extends Error {}

export class PackWriter {
  private fd: number;
  private offset = 0;
  /** CRC-32 of the whole file so far (see fileChecksum). */
  checksum = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  add(body: PackedBody): PackRef {
    const data = deflateRawSync(JSON.stringify(body), { level: 4 });
    const record = Buffer.allocUnsafe(CRC_BYTES + data.length);
    record.writeUInt32LE(crc32(data), 0);
    data.copy(record, CRC_BYTES);
    return this.addRaw(record);
  }

  /** Copies a record already in pack form (an unchanged article carried into a rebuilt segment, read with readRaw). */
  addRaw(record: Uint8Array): PackRef {
    this.checksum = crc32(record, this.checksum);
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

/** CRC-32 of a whole file, read a chunk at a time: what PackWriter.checksum was when the file was written. */
export function fileChecksum(path: string): number {
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(1 << 20);
    let crc = 0;
    for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) crc = crc32(chunk.subarray(0, n), crc);
    return crc;
  } finally {
    closeSync(fd);
  }
}

export function unpackBody(record: Uint8Array): PackedBody {
  return JSON.parse(inflateRawSync(record.subarray(CRC_BYTES)).toString('utf8')) as PackedBody;
}

function checked(record: Buffer, path: string, offset: number): Buffer {
  if (record.length < CRC_BYTES || crc32(record.subarray(CRC_BYTES)) !== record.readUInt32LE(0))
    throw new DamagedRecordError(`checksum mismatch in ${path} at byte ${offset}`);
  return record;
}

export class PackReader {
  private fd: number | null;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'r');
  }

  /** The record, checked: a DamagedRecordError when it is not as written. */
  readRaw([offset, length]: PackRef): Buffer {
    if (this.fd === null) throw new Error('pack is closed');
    const buf = Buffer.allocUnsafe(length);
    let got = 0;
    while (got < length) {
      const n = readSync(this.fd, buf, got, length - got, offset + got);
      if (n === 0) throw new DamagedRecordError(`article record truncated in ${this.path}`);
      got += n;
    }
    return checked(buf, this.path, offset);
  }

  read(ref: PackRef): PackedBody {
    return unpackBody(this.readRaw(ref));
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
