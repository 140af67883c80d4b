// A minimal OLE compound file (MS-CFB version 3: header, one FAT sector, one directory sector) holding empty
// streams of the given names: what Excel writes for a password-protected .xlsx (EncryptionInfo,
// EncryptedPackage) or an .xls (Workbook), down to the directory the product looks at.
const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;
const NO_STREAM = 0xffffffff;

function directoryEntry(name: string, type: 1 | 2 | 5, child: number, right: number): Buffer {
  const e = Buffer.alloc(128);
  const n = Buffer.from(`${name}\u0000`, 'utf16le');
  n.copy(e, 0);
  e.writeUInt16LE(n.length, 64);
  e[66] = type;
  e[67] = 1; // black
  e.writeUInt32LE(NO_STREAM, 68); // left sibling
  e.writeUInt32LE(right, 72);
  e.writeUInt32LE(child, 76);
  e.writeUInt32LE(type === 5 ? END_OF_CHAIN : 0, 116); // start sector
  return e;
}

export function oleFile(streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 24); // minor version
  header.writeUInt16LE(3, 26); // major version 3: 512-byte sectors
  header.writeUInt16LE(0xfffe, 28); // byte order
  header.writeUInt16LE(9, 30); // sector shift
  header.writeUInt16LE(6, 32); // mini sector shift
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(END_OF_CHAIN, 60); // first mini FAT sector
  header.writeUInt32LE(END_OF_CHAIN, 68); // first DIFAT sector
  header.writeUInt32LE(0, 76); // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) header.writeUInt32LE(FREE, 76 + i * 4);
  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(FAT_SECTOR, 0);
  fat.writeUInt32LE(END_OF_CHAIN, 4);
  const entries = [directoryEntry('Root Entry', 5, streams.length ? 1 : NO_STREAM, NO_STREAM)];
  streams.forEach((name, i) => entries.push(directoryEntry(name, 2, NO_STREAM, i + 1 < streams.length ? i + 2 : NO_STREAM)));
  const dir = Buffer.alloc(512);
  entries.slice(0, 4).forEach((e, i) => e.copy(dir, i * 128));
  return Buffer.concat([header, fat, dir]);
}
