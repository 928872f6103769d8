/**
 * The PDF's document information and bookmark titles, set after Chromium prints: Chromium
 * writes no /Author, its user-agent string as /Creator, dates the file by the clock (not
 * SOURCE_DATE_EPOCH), and drops the space
 * where a heading wraps ("socialmedia") in the bookmarks it makes from the headings, and its
 * catalogue has no /PageMode, so a reader opens without the bookmarks panel. The fix is
 * an incremental update (PDF 1.7 §7.5.6): the changed objects, a new cross-reference section
 * and trailer appended, every byte Chromium wrote kept as it was.
 */

export interface DocumentInfo {
  title: string;
  author: string;
  created: Date;
  /** The headings as written; a bookmark whose text differs from one only in whitespace takes its text. */
  headings: string[];
  /** The program that made the document, instead of the browser's user-agent string Chromium writes. */
  creator?: string;
}

/** Returns the PDF with the new information, or unchanged when its structure is not the plain one Chromium writes. */
export function withDocumentInfo(pdf: Uint8Array, info: DocumentInfo): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (!trailer) return pdf;
  const dict = trailer[1]!;
  const size = Number(/\/Size\s+(\d+)/.exec(dict)?.[1]);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(dict)?.[1];
  const infoRef = /\/Info\s+(\d+)\s+0\s+R/.exec(dict)?.[1];
  const previous = Number(trailer[2]);
  const offsets = xrefOffsets(text, previous);
  if (!size || !root || !offsets) return pdf;

  const changed = new Map<number, string>();
  const infoNumber = infoRef ? Number(infoRef) : size;
  const old = infoRef ? objectBody(text, offsets.get(infoNumber)) : undefined;
  const keep = (key: string) =>
    old ? new RegExp(`/${key}\\s*(\\((?:[^()\\\\]|\\\\.)*\\)|<[0-9A-Fa-f]*>)`).exec(old)?.[0] : undefined;
  const date = pdfDate(info.created);
  changed.set(
    infoNumber,
    [
      '<<',
      `/Title ${pdfString(info.title)}`,
      `/Author ${pdfString(info.author)}`,
      info.creator === undefined ? keep('Creator') : `/Creator ${pdfString(info.creator)}`,
      keep('Producer'),
      `/CreationDate ${date}`,
      `/ModDate ${date}`,
      '>>',
    ]
      .filter(Boolean)
      .join('\n'),
  );

  // A document with bookmarks opens with them shown (PDF 1.7 §7.7.2, /PageMode /UseOutlines).
  const rootNumber = Number(root.split(/\s+/)[0]);
  const catalog = objectBody(text, offsets.get(rootNumber));
  if (catalog && /\/Outlines\s/.test(catalog)) {
    const mode = /\/PageMode\s*\/\w+/;
    changed.set(
      rootNumber,
      mode.test(catalog)
        ? catalog.replace(mode, '/PageMode /UseOutlines')
        : `${catalog.slice(0, -2).trimEnd()}\n/PageMode /UseOutlines>>`,
    );
  }

  const byShape = new Map<string, string>();
  for (const heading of info.headings) if (!byShape.has(shape(heading))) byShape.set(shape(heading), heading);
  for (const [number, offset] of offsets) {
    const body = objectBody(text, offset);
    if (!body || !/\/Parent\s/.test(body)) continue;
    const title = /\/Title\s*(\((?:[^()\\]|\\.)*\)|<[0-9A-Fa-f]*>)/.exec(body);
    if (!title) continue;
    const written = decodePdfString(title[1]!);
    const heading = byShape.get(shape(written));
    if (heading === undefined || heading === written) continue;
    changed.set(
      number,
      body.slice(0, title.index) + `/Title ${pdfString(heading)}` + body.slice(title.index + title[0].length),
    );
  }

  let update = text.endsWith('\n') ? '' : '\n';
  let at = pdf.byteLength + update.length;
  const entries: string[] = [];
  for (const [number, body] of [...changed].sort(([a], [b]) => a - b)) {
    const object = `${number} 0 obj\n${body}\nendobj\n`;
    entries.push(`${number} 1\n${String(at).padStart(10, '0')} 00000 n \n`);
    update += object;
    at += Buffer.byteLength(object, 'latin1');
  }
  const id = /\/ID\s*\[[^\]]*\]/.exec(dict)?.[0];
  update +=
    `xref\n${entries.join('')}trailer\n<</Size ${Math.max(size, infoNumber + 1)}\n/Root ${root}\n/Info ${infoNumber} 0 R\n` +
    `${id ? `${id}\n` : ''}/Prev ${previous}>>\nstartxref\n${at}\n%%EOF\n`;
  return Buffer.concat([Buffer.from(pdf), Buffer.from(update, 'latin1')]);
}

/** The text of every heading in the document (h1-h6), as a reader sees it. */
export function headingTexts(html: string): string[] {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return [...html.matchAll(/<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>/gi)].map((m) =>
    m[1]!
      .replace(/<[^>]*>/g, '')
      .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) =>
        e[0] === '#'
          ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
          : (entities[e] ?? whole),
      )
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

/** Object number -> byte offset, from a classic cross-reference table (undefined for a stream). */
function xrefOffsets(text: string, at: number): Map<number, number> | undefined {
  if (!text.startsWith('xref', at)) return undefined;
  const offsets = new Map<number, number>();
  const lines = text
    .slice(at + 4, text.indexOf('trailer', at))
    .trim()
    .split(/\r?\n|\r/);
  for (let i = 0; i < lines.length; ) {
    const [first, count] = lines[i++]!.trim().split(/\s+/).map(Number);
    if (first === undefined || count === undefined || Number.isNaN(first) || Number.isNaN(count)) return undefined;
    for (let n = 0; n < count; n++, i++) {
      const m = /^(\d{10}) \d{5} ([nf])/.exec(lines[i] ?? '');
      if (!m) return undefined;
      if (m[2] === 'n') offsets.set(first + n, Number(m[1]));
    }
  }
  return offsets;
}

/** The dictionary of a plain (non-stream) object at an offset. */
function objectBody(text: string, offset: number | undefined): string | undefined {
  if (offset === undefined) return undefined;
  const m = /^\d+\s+\d+\s+obj\s*(<<[\s\S]*?>>)\s*endobj/.exec(text.slice(offset, offset + 64 * 1024));
  return m && !/\bstream\b/.test(m[1]!) ? m[1] : undefined;
}

/** What survives Chromium's bookmark text: no whitespace at all. */
function shape(text: string): string {
  return text.replace(/\s+/g, '');
}

/** A text string as UTF-16BE with a byte order mark, in hex: any language, nothing to escape. */
function pdfString(text: string): string {
  const bytes = Buffer.from(text, 'utf16le').swap16();
  return `<FEFF${bytes.toString('hex').toUpperCase()}>`;
}

function decodePdfString(raw: string): string {
  let bytes: Buffer;
  if (raw.startsWith('<')) bytes = Buffer.from(raw.slice(1, -1), 'hex');
  else {
    const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
    const body = raw
      .slice(1, -1)
      .replace(/\\([0-7]{1,3}|[\s\S])/g, (_, e: string) =>
        /^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : e === '\n' ? '' : (escapes[e] ?? e),
      );
    bytes = Buffer.from(body, 'latin1');
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)))
      .swap16()
      .toString('utf16le');
  return bytes.toString('latin1');
}

/** D:YYYYMMDDHHmmSSZ (UTC). */
function pdfDate(date: Date): string {
  return `(D:${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z)`;
}
