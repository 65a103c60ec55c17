import { readFile } from 'node:fs/promises';
import zlib from 'node:zlib';

export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Reads one member of a zip file (a Python wheel is a zip) without a dependency: finds the
 * central directory, looks the name up, inflates it and checks its size and CRC-32. Zip64
 * archives are refused (a wheel of a few tens of MB never needs them).
 */
export async function readZipMember(zipPath: string, member: string): Promise<Buffer> {
  const zip = await readFile(zipPath);
  const eocd = findEndOfCentralDirectory(zip);
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL) throw new ZipFormatError(`broken central directory entry ${i} in ${zipPath}`);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localOffset = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (name !== member) continue;
    if (compressed === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) {
      throw new ZipFormatError(`${member} is stored as zip64, which is not supported`);
    }
    if (zip.readUInt32LE(localOffset) !== LOCAL) throw new ZipFormatError(`broken local header for ${member}`);
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const raw = zip.subarray(dataStart, dataStart + compressed);
    const data = method === 0 ? Buffer.from(raw) : method === 8 ? zlib.inflateRawSync(raw) : null;
    if (!data) throw new ZipFormatError(`${member} uses compression method ${method}, which is not supported`);
    if (data.length !== size || zlib.crc32(data) !== crc) throw new ZipFormatError(`${member} failed its size/CRC check`);
    return data;
  }
  throw new ZipFormatError(`${zipPath} has no member ${member}`);
}

function findEndOfCentralDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of at most 64 KiB, at the very end.
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) return i;
  }
  throw new ZipFormatError('not a zip file (no end-of-central-directory record)');
}
