import { readZip } from '../../../tools/archive/read-zip';
import { writeZip } from '../../../src/archive/write-zip';

const files = new Map([
  ['index.js', Buffer.from('exports.handler = async () => ({ statusCode: 200 });\n'.repeat(20))],
  ['nested/empty.txt', Buffer.alloc(0)],
]);

/** Central directory entries: [name, crc32, DOS date, unix mode]. */
function centralEntries(zip: Buffer): Array<[string, number, number, number]> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let offset = zip.readUInt32LE(end + 16);
  const entries: Array<[string, number, number, number]> = [];
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const nameLength = zip.readUInt16LE(offset + 28);
    entries.push([
      zip.toString('utf8', offset + 46, offset + 46 + nameLength),
      zip.readUInt32LE(offset + 16),
      zip.readUInt16LE(offset + 14),
      zip.readUInt32LE(offset + 38) >>> 16,
    ]);
    offset += 46 + nameLength;
  }
  return entries;
}

describe('writeZip', () => {
  test('round-trips names, order and contents', () => {
    expect(readZip(writeZip(files))).toEqual(files);
  });

  test('same files, same bytes (no clock, no file system metadata)', () => {
    expect(writeZip(files).equals(writeZip(new Map(files)))).toBe(true);
  });

  test('records the standard CRC-32, a fixed 2000-01-01 date and mode 0644', () => {
    const [[name, crc, date, mode]] = centralEntries(writeZip(new Map([['check', Buffer.from('123456789')]])));
    expect(name).toBe('check');
    expect(crc).toBe(0xcbf43926);
    expect(date).toBe((20 << 9) | (1 << 5) | 1);
    expect(mode).toBe(0o100644);
  });
});
