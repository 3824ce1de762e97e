/* Nærvær — continuation pages of a filled PDF (used by pdf-fill.js): text that did not fit its
   field is printed here in full, under the field's label, so every character typed is on
   paper at the body size. The pages are tagged like the rest of the document (PDF/UA): a
   heading, an introduction, then per field a heading (its label) and a paragraph (its text),
   appended to the document's structure; the running header and the page number are
   artifacts. Their words come from the PDF's own marker (written at build time, in the
   edition's målform). */

const HEADING_PT = 12.5;  // = form.css h2
const SMALL_PT = 8;       // = form.css running header and footer

/** Add continuation pages for `entries` ([{ label, text }], in reading order) to `doc`.
    Returns the page number (1-based) on which each entry starts. */
export function addContinuation(PDFLib, doc, kit, entries, { size, margins, words, title }) {
  const P = PDFLib;
  const { width: W, height: H } = doc.getPage(0).getSize();
  const [top, right, bottom, left] = margins;
  const inner = W - left - right;
  const tags = new Tagger(P, doc);
  let page = null;
  let y = 0;

  function newPage() {
    page = doc.addPage([W, H]);
    tags.page(page);
    y = H - top;
    const drawable = (text) => Array.from(text).filter((ch) => !kit.missing(ch).length).join("");
    const header = kit.paragraph(drawable(title || ""));
    const footer = kit.paragraph(drawable(`${words.page || ""} ${doc.getPageCount()}`.trim()));
    artifact(kit.visual(header, 0, header.text.length, SMALL_PT), left, H - top + 10, SMALL_PT);
    const runs = kit.visual(footer, 0, footer.text.length, SMALL_PT);
    const fw = runs.reduce((sum, r) => sum + r.width, 0);
    artifact(runs, W - right - fw, bottom - 20, SMALL_PT);
  }

  function artifact(runs, x, yy, pt) {
    use(runs);
    page.pushOperators(
      P.PDFOperator.of(P.PDFOperatorNames.BeginMarkedContent, [P.PDFName.of("Artifact")]),
      P.pushGraphicsState(), P.setFillingGrayscaleColor(0.27), P.beginText(),
      ...kit.draw(runs, x, yy, pt), P.endText(), P.popGraphicsState(), P.endMarkedContent());
  }

  function use(runs) {
    for (const run of runs) {
      page.node.setFontDictionary(P.PDFName.of(run.slot.font.name), run.slot.font.ref);
    }
  }

  /** Text as lines at `pt` into the element `elem`, breaking pages as needed. `keep`: lines
      that must fit on the page with the first one (a label keeps its text's first line). */
  function block(text, pt, elem, { bold = false, gap = 0, keep = 1 } = {}) {
    const paragraphs = text.split("\n").map((t) => kit.paragraph(t));
    const m = kit.metrics(paragraphs, pt);
    let first = true;
    let startPage = null;
    for (const p of paragraphs) {
      for (const [a, b] of kit.wrap(p, inner, pt)) {
        const need = (first ? gap : 0) + m.ascent + m.descent + (first ? (keep - 1) * m.line : 0);
        if (!page || y - need < bottom) newPage();
        else if (first) y -= gap;
        if (first) startPage = doc.getPageCount();
        first = false;
        const runs = kit.visual(p, a, b, pt);
        const w = runs.reduce((sum, r) => sum + r.width, 0);
        const x = p.base % 2 ? left + inner - w : left;
        use(runs);
        const mcid = tags.mark(elem);
        // bold (headings, labels): the glyphs filled and outlined, in the one embedded font
        const weight = bold ? [P.setTextRenderingMode(P.TextRenderingMode.FillAndOutline),
          P.setLineWidth(pt * 0.04), P.setStrokingGrayscaleColor(0.07)] : [];
        page.pushOperators(
          P.PDFOperator.of(P.PDFOperatorNames.BeginMarkedContentSequence,
            [P.PDFName.of(elem.role), doc.context.obj({ MCID: mcid })]),
          P.pushGraphicsState(), P.setFillingGrayscaleColor(0.07), P.beginText(), ...weight,
          ...kit.draw(runs, x, y - m.ascent, pt), P.endText(), P.popGraphicsState(),
          P.endMarkedContent());
        y -= m.line;
      }
    }
    return startPage;
  }

  block(words.continued || "", HEADING_PT, tags.element("H2"), { bold: true, keep: 2 });
  if (words.intro) block(words.intro, size, tags.element("P"), { gap: 4 });
  const pages = [];
  for (const entry of entries) {
    pages.push(block(entry.label, size, tags.element("H3"), { bold: true, gap: 10, keep: 2 }));
    block(entry.text, size, tags.element("P"), { gap: 2 });
  }
  tags.finish();
  return pages;
}

/** Structure elements and marked content of the added pages, hung under the document's
    root element, with the parent tree entries that map each page's marks to them. */
class Tagger {
  constructor(P, doc) {
    this.P = P;
    this.doc = doc;
    this.ctx = doc.context;
    const N = (name) => P.PDFName.of(name);
    this.N = N;
    this.root = doc.catalog.lookupMaybe(N("StructTreeRoot"), P.PDFDict);
    this.pages = [];
    if (!this.root) return;
    // the parent: the Document element (WeasyPrint: the root's only kid), else the root
    const kids = this.root.get(N("K"));
    const kidsValue = this.root.lookup(N("K"));
    this.parentRef = this.ctx.getObjectRef(this.root);
    this.parent = this.root;
    if (kids instanceof P.PDFRef && kidsValue instanceof P.PDFDict) {
      this.parentRef = kids;
      this.parent = kidsValue;
    } else if (kidsValue instanceof P.PDFArray && kidsValue.size() === 1
               && kidsValue.get(0) instanceof P.PDFRef) {
      this.parentRef = kidsValue.get(0);
      this.parent = this.ctx.lookup(this.parentRef, P.PDFDict);
    }
    this.tree = this.root.lookup(N("ParentTree"), P.PDFDict);
    this.nextKey = this.highestKey() + 1;
  }

  highestKey() {
    let high = -1;
    const visit = (node) => {
      const nums = node.lookupMaybe(this.N("Nums"), this.P.PDFArray);
      if (nums) {
        for (let i = 0; i < nums.size(); i += 2) {
          high = Math.max(high, nums.lookup(i, this.P.PDFNumber).asNumber());
        }
      }
      const kids = node.lookupMaybe(this.N("Kids"), this.P.PDFArray);
      if (kids) for (let i = 0; i < kids.size(); i++) visit(kids.lookup(i, this.P.PDFDict));
    };
    visit(this.tree);
    const next = this.root.lookupMaybe(this.N("ParentTreeNextKey"), this.P.PDFNumber);
    return Math.max(high, next ? next.asNumber() - 1 : -1);
  }

  page(page) {
    this.current = { page, marks: [] };
    this.pages.push(this.current);
  }

  element(role) {
    const elem = { role, kids: this.ctx.obj([]) };
    if (!this.root) return elem;
    const dict = this.ctx.obj({ Type: "StructElem", S: role, P: this.parentRef, K: elem.kids });
    elem.ref = this.ctx.register(dict);
    let kids = this.parent.lookup(this.N("K"));
    if (!(kids instanceof this.P.PDFArray)) {
      const old = this.parent.get(this.N("K"));
      kids = this.ctx.obj(old ? [old] : []);
      this.parent.set(this.N("K"), kids);
    }
    kids.push(elem.ref);
    return elem;
  }

  /** A new marked-content id on the current page, belonging to `elem`. */
  mark(elem) {
    const mcid = this.current.marks.length;
    this.current.marks.push(elem);
    if (this.root) {
      elem.kids.push(this.ctx.obj({ Type: "MCR", Pg: this.current.page.ref, MCID: mcid }));
    }
    return mcid;
  }

  finish() {
    if (!this.root) return;
    for (const { page, marks } of this.pages) {
      const key = this.nextKey++;
      page.node.set(this.N("StructParents"), this.P.PDFNumber.of(key));
      const list = this.ctx.register(this.ctx.obj(marks.map((elem) => elem.ref)));
      const nums = this.tree.lookupMaybe(this.N("Nums"), this.P.PDFArray);
      if (nums) {
        nums.push(this.P.PDFNumber.of(key));
        nums.push(list);
      } else {
        const kids = this.tree.lookup(this.N("Kids"), this.P.PDFArray);
        kids.push(this.ctx.register(this.ctx.obj({ Limits: [key, key], Nums: [key, list] })));
      }
    }
    if (this.root.has(this.N("ParentTreeNextKey"))) {
      this.root.set(this.N("ParentTreeNextKey"), this.P.PDFNumber.of(this.nextKey));
    }
  }
}
