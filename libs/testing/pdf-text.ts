/**
 * The text of a PDF written by pdfkit with `compress: false` (the minutes PDF), line by line in the
 * order it was drawn: without a PDF parser among the dependencies, the tests read what a reader
 * would see. Embedded fonts write glyph ids (hex, two bytes each) inside TJ arrays; each font's
 * ToUnicode CMap (bfrange/bfchar) turns them back into characters, and `/Fn size Tf` says which
 * font the following TJ uses.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  // Objects start on a line of their own; only their dictionaries and the text streams are read,
  // never the binary font programs (whose bytes may look like anything).
  const objects = new Map<string, string>();
  for (const o of raw.matchAll(/(?:^|\n)(\d+) 0 obj\n([\s\S]*?)\nendobj/g)) objects.set(o[1]!, o[2]!);
  const dict = (id: string) => (objects.get(id) ?? '').split('\nstream\n')[0]!;
  const stream = (id: string) => /\nstream\n([\s\S]*)\nendstream/.exec(objects.get(id) ?? '')?.[1] ?? '';

  /** A ToUnicode destination: UTF-16 code units, several for a ligature ("<0066 0066>" is ff). */
  const hex = (h: string) => String.fromCharCode(...(h.replace(/\s+/g, '').match(/.{4}/g) ?? []).map((x) => parseInt(x, 16)));
  const cmapOf = (objectId: string): Map<number, string> => {
    const map = new Map<number, string>();
    const body = stream(objectId);
    for (const block of body.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const r of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
        const start = parseInt(r[1]!, 16);
        const end = parseInt(r[2]!, 16);
        if (r[3]!.startsWith('[')) [...r[3]!.matchAll(/<([0-9a-fA-F\s]+)>/g)].forEach((u, i) => map.set(start + i, hex(u[1]!)));
        else for (let c = start, u = parseInt(r[3]!.slice(1, -1), 16); c <= end; c++, u++) map.set(c, String.fromCodePoint(u));
      }
    }
    for (const block of body.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const c of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g)) map.set(parseInt(c[1]!, 16), hex(c[2]!));
    }
    return map;
  };

  // Font resource names (pdfkit numbers them per document: /F1, /F2, ...) -> their ToUnicode maps.
  const fonts = new Map<string, Map<number, string>>();
  const pages: string[] = [];
  for (const [id] of objects) {
    const d = dict(id);
    for (const block of d.matchAll(/\/Font\s*<<([^>]*)>>/g)) {
      for (const res of block[1]!.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
        const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(dict(res[2]!));
        if (toUnicode && !fonts.has(res[1]!)) fonts.set(res[1]!, cmapOf(toUnicode[1]!));
      }
    }
    if (/\/Type \/Page\b/.test(d)) pages.push(/\/Contents (\d+) 0 R/.exec(d)![1]!);
  }
  // Pages in the order of the page tree (its /Kids), which is the reading order.
  const kids = [...objects.keys()].map(dict).find((d) => /\/Type \/Pages\b/.test(d));
  const order = kids ? [...(/\/Kids \[([^\]]*)\]/.exec(kids)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((k) => /\/Contents (\d+) 0 R/.exec(dict(k[1]!))?.[1]) : pages;
  const content = order.filter((x): x is string => !!x).map(stream).join('\n');

  const lines: string[] = [];
  let font: Map<number, string> | undefined;
  for (const op of content.matchAll(/\/(F\d+) [\d.]+ Tf|\[([^\]]*)\]\s*TJ/g)) {
    if (op[1]) {
      font = fonts.get(op[1]);
      continue;
    }
    const map = font;
    lines.push([...op[2]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => (h[1]!.match(/.{4}/g) ?? [])
      .map((g) => map?.get(parseInt(g, 16)) ?? '\uFFFD').join('')).join(''));
  }
  // A no-break space looks like any other to the reader.
  return lines.join('\n').replaceAll('\u00a0', ' ');
}
