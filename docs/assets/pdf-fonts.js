/* Nærvær — the fonts a filled PDF is drawn with (used by pdf-fill.js), as a TextKit
   (pdf-text.js). Holds no words.

   Norwegian text is drawn with the form's own field font, the Liberation Sans subset the
   blank PDF already embeds for its fields (WeasyPrint's «NV Field»): nothing to load, every
   glyph embedded (PDF/UA), and the same family as the form. When a value needs more, the
   whole document switches to the full Liberation Sans of assets/fonts (Latin with any
   diacritics, Cyrillic, Greek: one family still), and Arabic script, Ethiopic, Thai and Tamil
   get their Noto Sans; assets/fonts/fill-fonts.json says what each file covers, so only the
   fonts the values need are fetched, and a character none has is named before anything
   loads. A PDF without that field font falls back to the standard font (Helvetica). */

import { TextKit, codePoints, hasRtl } from "./pdf-text.js";

/** A font of pdf-lib (PDFFont) as a TextKit slot. */
export const slot = (font, shaped) => ({ font, has: new Set(font.getCharacterSet()), shaped });

/** The blank PDF's own field font as a slot, or null: a Type0 font with Identity-H codes
    whose glyph ids are the codes; its characters from its ToUnicode map, its widths from
    /W, its height from its descriptor. */
export function fieldFont(P, doc) {
  try {
    const N = (name) => P.PDFName.of(name);
    const acro = doc.catalog.lookupMaybe(N("AcroForm"), P.PDFDict);
    const fonts = acro && acro.lookupMaybe(N("DR"), P.PDFDict)
      && acro.lookup(N("DR"), P.PDFDict).lookupMaybe(N("Font"), P.PDFDict);
    if (!fonts) return null;
    const da = acro.lookupMaybe(N("DA"), P.PDFString, P.PDFHexString);
    // the font text fields name in their /DA (WeasyPrint: the «NV Field» subset)
    const text = doc.getForm().getFields().find((f) => f instanceof P.PDFTextField);
    const own = text && text.acroField.getDefaultAppearance();
    const match = /\/(\S+)\s+[\d.]+\s+Tf/.exec(own || (da && da.decodeText()) || "");
    if (!match) return null;
    const ref = fonts.get(N(match[1]));
    const dict = fonts.lookup(N(match[1]), P.PDFDict);
    const cid = dict.lookup(N("DescendantFonts"), P.PDFArray).lookup(0, P.PDFDict);
    if (String(dict.lookup(N("Encoding"))) !== "/Identity-H"
        || !cid.lookupMaybe(N("FontDescriptor"), P.PDFDict).has(N("FontFile2"))) return null;
    const map = cid.lookup(N("CIDToGIDMap"));
    if (map && String(map) !== "/Identity") return null;
    const codes = toUnicode(P, dict.lookup(N("ToUnicode"), P.PDFStream));
    const widths = cidWidths(P, cid);
    const descriptor = cid.lookup(N("FontDescriptor"), P.PDFDict);
    const number = (key, fallback) => {
      const v = descriptor.lookupMaybe(N(key), P.PDFNumber);
      return v ? v.asNumber() : fallback;
    };
    const ascent = number("Ascent", 905) / 1000;
    const descent = number("Descent", -212) / 1000;
    const font = {
      name: match[1], ref,
      encodeText: (t) => P.PDFHexString.of(Array.from(t, (ch) =>
        codes.get(ch).toString(16).padStart(4, "0")).join("")),
      widthOfTextAtSize: (t, size) => Array.from(t).reduce(
        (sum, ch) => sum + (widths.get(codes.get(ch)) ?? 1000), 0) * size / 1000,
      heightAtSize: (size) => (ascent - descent) * size,
    };
    return { font, has: new Set(Array.from(codes.keys(), (ch) => ch.codePointAt(0))),
      shaped: false, box: [descent, ascent] };
  } catch (err) {
    return null;  // not the font we know: the standard font instead
  }
}

/** character → code, from a ToUnicode CMap (bfchar and bfrange, single characters). */
function toUnicode(P, stream) {
  const text = new TextDecoder("latin1").decode(P.decodePDFRawStream(stream).decode());
  const out = new Map();
  const hex = (h) => parseInt(h, 16);
  const put = (code, dst) => {
    const ch = String.fromCharCode(...dst.match(/.{4}/g).map(hex));
    if (Array.from(ch).length === 1 && !out.has(ch)) out.set(ch, code);
  };
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) put(hex(m[1]), m[2]);
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\[[^\]]*\])/g)) {
      const [lo, hi] = [hex(m[1]), hex(m[2])];
      if (m[3].startsWith("[")) {
        Array.from(m[3].matchAll(/<([0-9a-fA-F]+)>/g)).forEach((d, i) => put(lo + i, d[1]));
      } else {
        const first = hex(m[3].slice(1, -1));
        for (let code = lo; code <= hi; code++) put(code, (first + code - lo).toString(16).padStart(4, "0"));
      }
    }
  }
  return out;
}

/** code → width (1/1000 of the size), from a CIDFont's /W array. */
function cidWidths(P, cid) {
  const out = new Map();
  const array = cid.lookupMaybe(P.PDFName.of("W"), P.PDFArray);
  if (!array) return out;
  for (let i = 0; i < array.size();) {
    const first = array.lookup(i, P.PDFNumber).asNumber();
    const next = array.lookup(i + 1);
    if (next instanceof P.PDFArray) {
      for (let k = 0; k < next.size(); k++) out.set(first + k, next.lookup(k, P.PDFNumber).asNumber());
      i += 2;
    } else {
      const width = array.lookup(i + 2, P.PDFNumber).asNumber();
      for (let code = first; code <= next.asNumber(); code++) out.set(code, width);
      i += 3;
    }
  }
  return out;
}

/** Which shipped fonts the values need (by the font list), and the characters none has. */
function fontsNeeded(manifest, filled, has) {
  const needed = new Set();
  const chars = [];
  const fields = [];
  const covers = (font, cp) => font.ranges.some(([a, b]) => cp >= a && cp <= b);
  for (const [name, text] of filled) {
    let bad = false;
    for (const cp of codePoints(text)) {
      if (has.has(cp)) continue;
      const font = manifest.fonts.find((f) => covers(f, cp));
      if (font) { needed.add(font); continue; }
      bad = true;
      const ch = String.fromCodePoint(cp);
      if (!chars.includes(ch)) chars.push(ch);
    }
    if (bad) fields.push(name);
  }
  return { needed: [...needed], chars, fields };
}

/** The fonts of this document as a TextKit, loading what the values need.
    load: { manifest() → the font list, fontkit() → fontkit, file(name) → bytes, bidi() →
    bidi-js }; `fail(code, message, details)` makes the error to throw. */
export async function makeKit(P, doc, filled, load, fail) {
  const own = fieldFont(P, doc);
  const base = own || slot(await doc.embedFont(P.StandardFonts.Helvetica), false);
  const outside = filled.filter(([, text]) => codePoints(text).some((cp) => !base.has.has(cp)));
  let primary = base;
  const extra = [];
  if (outside.length) {
    const { needed, chars, fields } = fontsNeeded(await load.manifest(), outside, base.has);
    if (chars.length) throw fail("missing-glyphs", `no glyph for ${chars.join(" ")}`, { chars, fields });
    const [fontkit, ...files] = await Promise.all([load.fontkit(),
      ...needed.map((f) => load.file(f.file))]);
    doc.registerFontkit(fontkit);
    for (const [i, f] of needed.entries()) {
      const font = slot(await doc.embedFont(files[i], { subset: true }), true);
      if (f.name === "latin") primary = font;
      else extra.push(font);
    }
  }
  const rtl = filled.some(([, text]) => hasRtl(text));
  const kit = new TextKit(P, { primary, scripts: extra, bidi: rtl ? await load.bidi() : null });
  const missing = [...new Set(filled.flatMap(([, text]) => kit.missing(text)))];
  if (missing.length) {  // the font list promised more than a font has: never drop a character
    const fields = filled.filter(([, text]) => kit.missing(text).length).map(([name]) => name);
    throw fail("missing-glyphs", `no glyph for ${missing.join(" ")}`, { chars: missing, fields });
  }
  return kit;
}
