// Bytes of a page → text. Huawei pages come in UTF-8 mostly, but also GBK/GB18030 (older exports, saved pages)
// and UTF-16 (files saved by Windows editors). The encoding is taken from, in order: a byte-order mark, the
// page's own declaration (`<meta charset>`, `<meta http-equiv=Content-Type content="…; charset=…">`,
// `<?xml encoding=…?>`), the NUL pattern of BOM-less UTF-16, else UTF-8. Text that is not valid UTF-8 is tried
// as GB18030 (a superset of GBK, the usual undeclared legacy encoding); failing that it is decoded with U+FFFD
// in place of the bad bytes, and either way the page gets a report entry: nothing is replaced silently.

import type { ReportEntry } from '../model.ts';

export type DecodeNote = Omit<ReportEntry, 'file'>;

export interface DecodedPage {
  text: string;
  /** The WHATWG encoding name the text was decoded with. */
  encoding: string;
  notes: DecodeNote[];
}

/** How far into a page its charset declaration is looked for (HTML: within the first 1024 bytes; some pages
 * put a long comment first). */
const DECLARATION_WINDOW = 4096;

const BOMS: { bytes: number[]; encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

function bomEncoding(bytes: Uint8Array): string | undefined {
  return BOMS.find((bom) => bom.bytes.every((b, i) => bytes[i] === b))?.encoding;
}

/** `<meta charset="gbk">`, `content="text/html; charset=GB2312"`, `<?xml version="1.0" encoding="GBK"?>`. */
const DECLARED = [
  /<meta\b[^>]{0,500}?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_:.-]{1,40})/i,
  /<\?xml\b[^>]{0,200}?\bencoding\s*=\s*["']([A-Za-z0-9_:.-]{1,40})["']/i,
];

function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, DECLARATION_WINDOW)).toString('latin1');
  for (const pattern of DECLARED) {
    const label = head.match(pattern)?.[1];
    if (label) return label;
  }
  return undefined;
}

/** BOM-less UTF-16: ASCII-heavy text has a NUL in every other byte (even positions for BE, odd for LE). */
function utf16ByNuls(bytes: Uint8Array): string | undefined {
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 8) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.3 && even < pairs * 0.05) return 'utf-16le';
  if (even > pairs * 0.3 && odd < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** The decoder for a label, or undefined when the runtime does not know it. */
function decoderFor(label: string, fatal = false): TextDecoder | undefined {
  try {
    return new TextDecoder(label, { fatal });
  } catch {
    return undefined;
  }
}

function tryDecode(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return decoderFor(encoding, true)?.decode(bytes);
  } catch {
    return undefined;
  }
}

/** More than one in ten non-ASCII bytes starts a broken UTF-8 sequence. */
function isMostlyBroken(bytes: Uint8Array, replaced: number): boolean {
  let nonAscii = 0;
  for (const b of bytes) if (b >= 0x80) nonAscii++;
  return replaced >= 2 && replaced * 10 >= nonAscii;
}

export function decodePage(bytes: Uint8Array): DecodedPage {
  const notes: DecodeNote[] = [];
  const bom = bomEncoding(bytes);
  const declared = bom ? undefined : declaredEncoding(bytes);
  let encoding = bom ?? 'utf-8';
  if (declared) {
    const decoder = decoderFor(declared);
    if (!decoder)
      notes.push({ reason: `declared charset '${declared}' is unknown: read as UTF-8`, severity: 'warning' });
    else encoding = decoder.encoding;
  }
  if (!bom && !declared) encoding = utf16ByNuls(bytes) ?? encoding;
  if (encoding !== 'utf-8') {
    const how = bom
      ? 'byte-order mark'
      : declared
        ? `declared charset '${declared}'`
        : 'UTF-16 byte pattern, no byte-order mark';
    notes.push({ reason: `decoded as ${encoding} (${how})`, severity: 'info' });
    return { text: decoderFor(encoding)!.decode(bytes), encoding, notes };
  }
  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== undefined) return { text: utf8, encoding, notes };
  const lossy = new TextDecoder('utf-8').decode(bytes);
  const replaced = lossy.split('\uFFFD').length - 1;
  // A GBK page read as UTF-8 breaks on nearly every character; a UTF-8 page with a stray bad byte breaks once
  // (and GB18030 would decode it "validly" into nonsense). Only the first is re-read as GB18030.
  const gb = !declared && isMostlyBroken(bytes, replaced) ? tryDecode(bytes, 'gb18030') : undefined;
  if (gb !== undefined) {
    notes.push({ reason: 'not valid UTF-8 and no charset declared: decoded as GB18030 (GBK)', severity: 'warning' });
    return { text: gb, encoding: 'gb18030', notes };
  }
  notes.push({ reason: `invalid UTF-8: ${replaced} byte sequence(s) replaced by U+FFFD`, severity: 'warning' });
  return { text: lossy, encoding, notes };
}
