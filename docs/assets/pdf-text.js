/* Nærvær — text in filled PDFs (used by pdf-fill.js): which font draws each character, the
   Unicode bidirectional algorithm for right-to-left text (bidi-js), line breaking with the
   fonts' own metrics, and the PDF operators that draw a line. Holds no words.

   A TextKit is made for one document from its fonts (pdf-fonts.js chooses them):
     primary   the font for Latin text: the form's own field font while every value fits
               it, else the full Liberation Sans for all text, so a form keeps one family (a
               field with «Ł» or «Ж» looks like its neighbours);
     scripts   embedded fonts for Arabic script, Ethiopic, Thai and Tamil.
   Each is { font: PDFFont, has: Set of code points, shaped: true when fontkit lays it out }.

   Right-to-left: the levels come from bidi-js per paragraph; a line is cut into runs of one
   level and one font, the runs are put in visual order (rule L2) and mirrored characters are
   swapped (L4). fontkit reverses a run on its own when the run holds right-to-left script
   (Arabic), so the reversal here is done only where fontkit will not do it, and undone where
   fontkit would do it wrongly (Arabic-Indic digits, which stay left to right). */

const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const NEUTRAL = /[\p{Script=Common}\p{Script=Inherited}]/u;  // spaces, digits, punctuation, marks
const SPACE = /\s/u;
export const hasRtl = (text) => RTL_SCRIPT.test(text);

/** Code points of `text` that need a glyph (line breaks do not). */
export function codePoints(text) {
  const out = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    if (cp !== 0x0a && cp !== 0x0d) out.push(cp);
  }
  return out;
}

export class TextKit {
  constructor(PDFLib, { primary, scripts = [], bidi = null }) {
    this.ops = PDFLib;
    this.primary = primary;
    this.scripts = scripts;
    this.bidi = bidi;
    this.segmenter = null;  // made when a word is longer than a line (costly to make)
  }

  /** The font slot for code point `cp` after a character drawn with `prev`, or null. */
  slotFor(cp, prev) {
    const ch = String.fromCodePoint(cp);
    if (prev && prev.has.has(cp) && NEUTRAL.test(ch)) return prev;
    if (this.primary.has.has(cp)) return this.primary;
    return this.scripts.find((slot) => slot.has.has(cp)) || null;
  }

  /** Characters of `text` no font of this kit can draw. */
  missing(text) {
    const out = [];
    for (const cp of codePoints(text)) {
      const ch = String.fromCodePoint(cp);
      if (!this.slotFor(cp, null) && !out.includes(ch)) out.push(ch);
    }
    return out;
  }

  /** One paragraph (no line breaks) made ready for breaking and drawing: the font of each
      UTF-16 unit, its bidi level and the paragraph's level. */
  paragraph(text) {
    const slots = new Array(text.length);
    let prev = null;
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i);
      const slot = this.slotFor(cp, prev) || prev || this.primary;
      slots[i] = slot;
      if (cp > 0xffff) slots[++i] = slot;
      prev = slot;
    }
    let levels = null;
    let base = 0;
    if (this.bidi && hasRtl(text)) {
      const result = this.bidi.getEmbeddingLevels(text);
      levels = result.levels;
      base = result.paragraphs.length ? result.paragraphs[0].level : 0;
    }
    return { text, slots, levels, base };
  }

  /** Width of units [a, b) of paragraph `p` at `size`. */
  width(p, a, b, size) {
    let total = 0;
    let i = a;
    while (i < b) {
      const slot = p.slots[i];
      let j = i + 1;
      while (j < b && p.slots[j] === slot) j++;
      total += this.measure(slot, p.text.slice(i, j), size);
      i = j;
    }
    return total;
  }

  /** Line ranges [start, end) of paragraph `p` broken to lines no wider than `max` (trailing
      spaces hang). Breaks after spaces; a word longer than a line is broken between
      characters (grapheme clusters). An empty paragraph is one empty line. */
  wrap(p, max, size) {
    const text = p.text;
    const lines = [];
    let start = 0;
    let end = 0;  // end of the line so far (after its last whole token)
    const fits = (a, b) => this.width(p, a, trimEnd(text, a, b), size) <= max;
    for (const m of text.matchAll(/\S+\s*|\s+/gu)) {
      const tokenEnd = m.index + m[0].length;
      if (fits(start, tokenEnd)) { end = tokenEnd; continue; }
      if (end > start) { lines.push([start, end]); start = end; }
      if (fits(start, tokenEnd)) { end = tokenEnd; continue; }
      // a word longer than a line: cut it between grapheme clusters
      let cut = start;
      const base = start;
      if (!this.segmenter) this.segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
      for (const g of this.segmenter.segment(text.slice(base, tokenEnd))) {
        const next = base + g.index + g.segment.length;
        if (cut > start && !fits(start, next)) { lines.push([start, cut]); start = cut; }
        cut = next;
      }
      end = tokenEnd;
    }
    if (end > start || lines.length === 0) lines.push([start, Math.max(end, start)]);
    return lines;
  }

  /** Width of `text` drawn with `slot` at `size`, as a PDF viewer draws it. For the standard
      fonts pdf-lib's own width applies kerning pairs, which a viewer does not (a line would
      run up to a few points past its box): their widths are added up glyph by glyph. */
  measure(slot, text, size) {
    if (slot.shaped) return slot.font.widthOfTextAtSize(text, size);
    if (!slot.widths) slot.widths = new Map();
    let total = 0;
    for (const ch of text) {
      let w = slot.widths.get(ch);
      if (w === undefined) {
        w = slot.font.widthOfTextAtSize(ch, 1000);
        slot.widths.set(ch, w);
      }
      total += w;
    }
    return total * size / 1000;
  }

  /** Units [a, b) of `p` as runs in visual order: [{ slot, text, width }]. */
  visual(p, a, b, size) {
    const levelAt = (i) => (p.levels ? p.levels[i] : 0);
    const runs = [];
    const hang = trimEnd(p.text, a, b);  // rule L1: trailing spaces take the paragraph's level
    for (let i = a; i < b;) {
      const slot = p.slots[i];
      const level = i >= hang ? p.base : levelAt(i);
      let j = i + 1;
      while (j < b && p.slots[j] === slot && (j >= hang ? p.base : levelAt(j)) === level) j++;
      runs.push({ slot, level, start: i, end: j });
      i = j;
    }
    // rule L2: from the highest level down to the lowest odd one, reverse every sequence of
    // runs at that level or higher
    const odd = runs.filter((r) => r.level % 2).map((r) => r.level);
    if (odd.length) {
      const high = Math.max(...runs.map((r) => r.level));
      for (let level = high; level >= Math.min(...odd); level--) {
        for (let i = 0; i < runs.length; i++) {
          if (runs[i].level < level) continue;
          let j = i;
          while (j + 1 < runs.length && runs[j + 1].level >= level) j++;
          const part = runs.slice(i, j + 1).reverse();
          runs.splice(i, part.length, ...part);
          i = j;
        }
      }
    }
    return runs.map((r) => {
      let text = p.text.slice(r.start, r.end);
      const rtl = r.level % 2 === 1;
      if (rtl && this.bidi) {
        text = Array.from(text, (ch) => this.bidi.getMirroredCharacter(ch) || ch).join("");
      }
      // fontkit reverses a run that holds right-to-left script; reverse the others here
      if (rtl !== (r.slot.shaped && hasRtl(text))) text = Array.from(text).reverse().join("");
      return { slot: r.slot, text, width: this.measure(r.slot, text, size) };
    });
  }

  /** Ascent, descent and line height at `size` for the paragraphs `ps`, from the ink of their
      glyphs (fontkit's outlines for embedded fonts, the font box for the standard fonts),
      never less than Norwegian capitals with rings and accents need: no glyph is cut. */
  metrics(ps, size) {
    let ascent = STANDARD_BOX[1] * size;
    let descent = -STANDARD_BOX[0] * size;
    for (const p of ps) {
      for (let i = 0; i < p.text.length;) {
        const slot = p.slots[i];
        let j = i + 1;
        while (j < p.text.length && p.slots[j] === slot) j++;
        const [low, high] = ink(slot, p.text.slice(i, j));
        ascent = Math.max(ascent, high * size);
        descent = Math.max(descent, -low * size);
        i = j;
      }
    }
    return { ascent, descent, line: Math.max(1.15 * size, ascent + descent) };
  }

  /** The PDF operators that draw `runs` (visual order) from x on baseline y. */
  draw(runs, x, y, size) {
    const P = this.ops;
    const out = [];
    let at = x;
    for (const run of runs) {
      if (run.text.length) {
        out.push(P.setFontAndSize(run.slot.font.name, size),
          P.setTextMatrix(1, 0, 0, 1, round(at), round(y)),
          P.showText(run.slot.font.encodeText(run.text)));
      }
      at += run.width;
    }
    return out;
  }
}

// Helvetica's font box (bottom, top) per unit of size: Å and descenders fit inside it
const STANDARD_BOX = [-0.225, 0.931];

/** The lowest and highest ink of `text` drawn with `slot`, per unit of font size. */
function ink(slot, text) {
  if (slot.box) return slot.box;  // a font of the document: its descriptor's height
  const embedder = slot.font.embedder;
  const face = embedder && embedder.font;
  if (slot.shaped && face && face.unitsPerEm) {
    let low = 0;
    let high = 0;
    for (const glyph of face.layout(text).glyphs) {
      // the control box (from the glyph's own header): `bbox` would decode the outlines and,
      // for a composite glyph (å, ễ …), cache its parts without their characters, which then
      // go missing from the PDF's text (copy, search, screen readers)
      const box = glyph.cbox;
      if (box && Number.isFinite(box.minY)) {
        low = Math.min(low, box.minY);
        high = Math.max(high, box.maxY);
      }
    }
    return [low / face.unitsPerEm, high / face.unitsPerEm];
  }
  const box = face && face.FontBBox;  // a standard font's metrics (AFM)
  return box ? [box[1] / 1000, box[3] / 1000] : STANDARD_BOX;
}

/** `b` moved back over trailing white space of text[a, b). */
export function trimEnd(text, a, b) {
  while (b > a && SPACE.test(text[b - 1])) b--;
  return b;
}

const round = (n) => Math.round(n * 100) / 100;

/** Text laid out in a box: the lines that fit, each as visual runs at (x, y) with its size,
    and whether the text overflowed.
    box { width, height, multiline, size, inset: [x, y] }; `pointer(size)` → the text drawn at
    the end of the last visible line when the text overflows (the way to the continuation
    page), drawn at the body size, or smaller when the box is too narrow for it. */
export function layoutBox(kit, text, box, pointer = null) {
  const { width, height, size, multiline } = box;
  const [ix, iy] = box.inset;
  const inner = width - 2 * ix;
  const source = multiline ? text : text.replace(/\n/g, " ");
  const paragraphs = source.split("\n").map((t) => kit.paragraph(t));
  const lines = [];
  for (const p of paragraphs) for (const [a, b] of kit.wrap(p, inner, size)) lines.push({ p, a, b });
  const m = kit.metrics(paragraphs, size);
  const room = multiline ? Math.max(1, Math.floor((height - 2 * iy - m.ascent - m.descent)
    / m.line) + 1) : 1;
  const overflow = lines.length > room;
  const shown = lines.slice(0, room);
  let tail = null;
  if (overflow && pointer) {
    // the pointer at the end of the last visible line, after what fits of it and «…»
    const text = pointer;
    const tp = kit.paragraph(text);
    const full = kit.width(tp, 0, text.length, size);
    const tailSize = full <= inner ? size : Math.max(4, size * inner / full);
    const runs = kit.visual(tp, 0, text.length, tailSize);
    const tailWidth = runs.reduce((sum, r) => sum + r.width, 0);
    const last = shown[shown.length - 1];
    const words = last.p.text.slice(last.a, last.b).trimEnd();
    let end = words.length;
    const cut = () => kit.paragraph(end > 0 ? words.slice(0, end).trimEnd() + "\u2026" : "");
    let p = cut();
    while (end > 0 && kit.width(p, 0, p.text.length, size) + tailWidth + size * 0.3 > inner) {
      end--;
      p = cut();
    }
    shown[shown.length - 1] = { p, a: 0, b: p.text.length };
    tail = { runs, size: tailSize, width: tailWidth };
  }
  // first baseline: from the top for several lines, centred for one
  let y = multiline ? height - iy - m.ascent : (height - m.ascent - m.descent) / 2 + m.descent;
  const out = [];
  shown.forEach((line, i) => {
    const runs = kit.visual(line.p, line.a, line.b, size);
    const w = runs.reduce((sum, r) => sum + r.width, 0);
    const rtl = line.p.base % 2 === 1;
    out.push({ runs, x: rtl ? width - ix - w : ix, y, size });
    if (tail && i === shown.length - 1) {
      out.push({ runs: tail.runs, x: rtl ? ix : width - ix - tail.width, y, size: tail.size });
    }
    y -= m.line;
  });
  return { lines: out, overflow, metrics: m };
}
