/** Reading the PDF Chromium writes: how many pages, and on which page each link target lies. */

/**
 * The page (1-based) of every link target, read from the PDF Chromium writes: its named
 * destinations (/Dests) point at page objects, whose order the page tree gives. Chromium writes
 * both uncompressed; anything else yields undefined and the contents stay without numbers.
 */
export function anchorPages(pdf: Uint8Array): Map<string, number> | undefined {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const object = (n: string) => new RegExp(`(?:^|\\s)${n} 0 obj\\s*<<([\\s\\S]*?)>>\\s*endobj`).exec(text)?.[1];
  const catalog = /<<\s*\/Type\s*\/Catalog([\s\S]*?)>>\s*endobj/.exec(text)?.[1];
  const root = catalog && /\/Pages\s+(\d+)\s+0\s+R/.exec(catalog)?.[1];
  const destsRef = catalog && /\/Dests\s+(\d+)\s+0\s+R/.exec(catalog)?.[1];
  if (!root || !destsRef) return undefined;
  const order = new Map<string, number>();
  const walk = (n: string, depth: number): boolean => {
    const body = object(n);
    if (body === undefined || depth > 20) return false;
    if (/\/Type\s*\/Pages\b/.test(body)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(body)?.[1] ?? '';
      return [...kids.matchAll(/(\d+)\s+0\s+R/g)].every((k) => walk(k[1]!, depth + 1));
    }
    order.set(n, order.size + 1);
    return true;
  };
  if (!walk(root, 0)) return undefined;
  const dests = object(destsRef);
  if (dests === undefined) return undefined;
  const pages = new Map<string, number>();
  for (const m of dests.matchAll(/\/([^\s/[]+)\s*\[\s*(\d+)\s+0\s+R/g)) {
    const page = order.get(m[2]!);
    if (page !== undefined)
      pages.set(
        m[1]!.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
        page,
      );
  }
  return pages.size ? pages : undefined;
}

/** Page objects in the PDF Chromium writes (its page tree is uncompressed). */
export function countPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}
