/* Nærvær — fill a fillable PDF in the browser, save it as a file, and read a saved one back.
   Nothing leaves the device: the blank PDF, the libraries and (when needed) fonts come from
   this site; the values stay in memory and end up only in the file the reader saves. A file
   the reader opens is read in memory and never sent or stored.

   API (stable; the HTML forms and the plan builder use it):

   fillPdf(pdfUrl, values, options?) → Promise<Uint8Array>
     pdfUrl   URL of the blank fillable PDF (this site).
     values   { fieldName: value } with the PDF's field names (`section:field[:row[:col]]`):
              a string for text fields; for radio groups and combo boxes the export value the
              PDF declares (e.g. "ja" | "delvis" | "nei", "7"); a boolean for checkboxes.
              Empty strings, false and missing names leave the field empty. A tab becomes
              a space (text pasted from a table): a PDF text field cannot show a tab.
     options  { report?: {} }  filled in with { continued: [field names], pages: [page
              numbers] } when text did not fit its field (see below).
     Every character is printed: text is drawn at the form's body size (10 pt, from the PDF's
     marker), wrapped with the fonts' own metrics; what does not fit its field is printed in
     full on continuation pages added at the end («Fortsettelse»/«Framhald», under the
     field's label), and the field ends with a pointer to that page. The field's value always
     holds the whole text (it is what readPdf gives back).
     Fonts (pdf-fonts.js): the form's own embedded field font for Norwegian; when a value
     needs more, Liberation Sans (the form's own family) for all text of the document (Latin
     with any diacritics, Cyrillic, Greek), and Noto Sans for Arabic script, Ethiopic, Thai
     and Tamil, each loaded only when a value needs it (assets/fonts/fill-fonts.json lists
     what each covers). Right-to-left text is ordered with the Unicode bidirectional
     algorithm.
     The PDF stays tagged (continuation pages too), keeps its title, /Lang and marker, and its
     fields stay editable (not flattened); only the filled fields get new appearances.
     pdf-lib and the blank PDF load on the first call, in parallel; fontkit, the fonts and
     bidi-js only when a value needs them, and pdf-pages.js when text needs a continuation.
     Rejects with a FillError whose `code` is
       "missing-glyphs"  error.chars: characters no shipped font can show,
                         error.fields: the field names whose values contain them;
       "bad-value"       error.fields: values the field cannot take (unknown export value,
                         text longer than the field's maximum length, wrong type);
       "unknown-field"   error.fields: names the PDF has no field for;
       "load"            the library, a font or the PDF could not be loaded.

   readPdf(file, options) → Promise<{ values, form, title }>
     file     a File or Blob the reader chose (<input type="file">), read in memory only.
     options  { form: the form id it must be (e.g. "avtale-foresatte-skole"),
                fields?: the form's field names (knows a PDF of this form again when a PDF
                         reader has dropped the marker from its document information),
                maxBytes?: the largest file accepted (default 10 MB) }
     values   { fieldName: value } for every field of the PDF: text as a string (line breaks
              as "\n"), a checkbox as a boolean, a radio group, combo or list box as the
              chosen export value ("" when none).
     form     the form id the PDF says it is; title: its document title.
     A PDF from this site carries a marker (document information /NaervaerForm, written at
     build time) naming its form. Rejects with a FillError whose `code` is
       "too-big"     error.size, error.max: bytes;
       "damaged"     not a PDF, or one that cannot be read;
       "locked"      encrypted (a password);
       "not-ours"    a PDF that is not a form from this site;
       "other-form"  a form from this site, but another one: error.form, error.title;
       "load"        the PDF library could not be loaded.

   saveFile(bytes, filename) → void
     Offers `bytes` as a downloaded file (application/pdf) named `filename`.

   FillError  the error class above.
*/

import { fmt } from "./nv-common.js";
import { makeKit } from "./pdf-fonts.js";
import { codePoints, layoutBox } from "./pdf-text.js";

const HERE = import.meta.url;
const PDF_LIB = new URL("vendor/pdf-lib/pdf-lib.min.js", HERE);
const FONTKIT = new URL("vendor/fontkit/fontkit.umd.min.js", HERE);
const REGENERATOR = new URL("vendor/regenerator-runtime/runtime.js", HERE);
const BIDI = new URL("vendor/bidi-js/bidi.min.mjs", HERE);
const FONTS = new URL("fonts/fill-fonts.json", HERE);
const MARKER = "NaervaerForm";
const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
const DEFAULTS = { size: 10, margins: [56.69, 45.35, 51.02, 45.35], words: {} };
const INSET = [1, 1];  // a field's rectangle is its content box (inside border and padding)
// WinAnsi beyond Latin-1: a value outside this and Latin-1 needs an embedded font, so the
// font list, fontkit and the fonts start loading with pdf-lib (the exact check is the
// standard font's own character set)
const WIN_ANSI = new Set(Array.from("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ", (c) => c.codePointAt(0)));
const needsWideFont = (text) => codePoints(text).some((cp) =>
  (cp < 0x20 || (cp > 0x7e && cp < 0xa0) || cp > 0xff) && !WIN_ANSI.has(cp));

export class FillError extends Error {
  constructor(code, message, details = {}) {
    super(message);
    this.name = "FillError";
    this.code = code;
    this.chars = details.chars || [];
    this.fields = details.fields || [];
    Object.assign(this, details);
  }
}

const scripts = new Map();

/** Load a classic (UMD) script from this site once and return the global it defines. */
function loadScript(url, globalName) {
  if (window[globalName]) return Promise.resolve(window[globalName]);
  if (!scripts.has(url.href)) {
    scripts.set(url.href, new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = url.href;
      script.async = true;
      script.addEventListener("load", () => {
        if (window[globalName]) resolve(window[globalName]);
        else reject(new FillError("load", `${url.pathname} defined no ${globalName}`));
      });
      script.addEventListener("error", () => {
        scripts.delete(url.href);
        script.remove();
        reject(new FillError("load", `could not load ${url.pathname}`));
      });
      document.head.appendChild(script);
    }));
  }
  return scripts.get(url.href);
}

const fetched = new Map();  // blank PDFs, fonts and the font list by URL, in memory only

function fetchOnce(url, read = (response) => response.arrayBuffer()) {
  const key = String(url);
  if (!fetched.has(key)) {
    fetched.set(key, (async () => {
      let response;
      try {
        response = await fetch(key, { credentials: "same-origin", cache: "force-cache" });
      } catch (err) {
        throw new FillError("load", `could not fetch ${key}: ${err.message}`);
      }
      if (!response.ok) throw new FillError("load", `could not fetch ${key}: ${response.status}`);
      return read(response);
    })().catch((err) => { fetched.delete(key); throw err; }));
  }
  return fetched.get(key);
}

/** fontkit (with the runtime its Indic shaper needs) */
function loadFontkit() {
  return loadScript(REGENERATOR, "regeneratorRuntime").then(() => loadScript(FONTKIT, "fontkit"));
}

let bidiModule = null;
function loadBidi() {
  if (!bidiModule) {
    bidiModule = import(BIDI.href).then((m) => m.default())
      .catch((err) => { bidiModule = null; throw new FillError("load", err.message); });
  }
  return bidiModule;
}

function texts(values) {
  return Object.entries(values).filter(([, v]) => typeof v === "string" && v !== "");
}

/** The marker a PDF from this site carries (see naervaer/pdf/build.py), or null. */
function readMarker(doc, PDFLib) {
  try {
    const value = doc.getInfoDict().lookup(PDFLib.PDFName.of(MARKER));
    if (!(value instanceof PDFLib.PDFString || value instanceof PDFLib.PDFHexString)) return null;
    const marker = JSON.parse(value.decodeText());
    return marker && typeof marker.form === "string" ? marker : null;
  } catch (err) {
    return null;
  }
}

/** [[field, value, name]] for every value to set; FillError for names the PDF has no field
    for. One pass over the fields: form.getField() would make every wrapper again per name. */
function fieldsToFill(form, values) {
  const byName = new Map(form.getFields().map((field) => [field.getName(), field]));
  const out = [];
  const unknown = [];
  for (const [name, value] of Object.entries(values)) {
    if (value === "" || value === false || value === null || value === undefined) continue;
    const field = byName.get(name);
    if (field) out.push([field, value, name]);
    else unknown.push(name);
  }
  if (unknown.length) {
    throw new FillError("unknown-field", `no such field: ${unknown.join(", ")}`,
      { fields: unknown });
  }
  return out;
}

function setValues(todo, PDFLib) {
  const bad = [];
  for (const [field, value, name] of todo) {
    try {
      if (field instanceof PDFLib.PDFTextField && typeof value === "string") {
        field.setText(value);
      } else if (field instanceof PDFLib.PDFCheckBox && value === true) {
        field.check();
      } else if ((field instanceof PDFLib.PDFRadioGroup || field instanceof PDFLib.PDFDropdown
                  || field instanceof PDFLib.PDFOptionList) && typeof value === "string"
                 && field.getOptions().includes(value)) {
        field.select(value);
      } else {
        bad.push(name);
      }
    } catch (err) {
      bad.push(name);
    }
  }
  if (bad.length) {
    throw new FillError("bad-value", `value not accepted: ${bad.join(", ")}`, { fields: bad });
  }
}

/** The /DA of fields and their widgets, put back after pdf-lib drew their appearances, so a
    PDF reader edits them later in the form's own field font. */
function keepDefaultAppearances(fields, PDFLib) {
  const DA = PDFLib.PDFName.of("DA");
  const kept = [];
  for (const field of fields) {
    const dicts = [field.acroField.dict, ...field.acroField.getWidgets().map((w) => w.dict)];
    for (const dict of dicts) kept.push([dict, dict.get(DA)]);
  }
  return () => {
    for (const [dict, value] of kept) {
      if (value === undefined) dict.delete(DA);
      else dict.set(DA, value);
    }
  };
}

export async function fillPdf(pdfUrl, given, options = {}) {
  const values = Object.fromEntries(Object.entries(given).map(([name, value]) =>
    [name, typeof value === "string" ? value.replace(/\t/g, " ").replace(/\r\n?/g, "\n")
      : value]));
  const filled = texts(values);
  let fontsReady = null;
  if (filled.some(([, text]) => needsWideFont(text))) {
    // the font list and fontkit load alongside pdf-lib
    fontsReady = fetchOnce(FONTS, (response) => response.json());
    fontsReady.catch(() => {});
    loadFontkit().catch(() => {});
  }
  const [PDFLib, blank] = await Promise.all([loadScript(PDF_LIB, "PDFLib"), fetchOnce(pdfUrl)]);
  // all objects in one go: the default parses and saves in slices with a timer between them
  const doc = await PDFLib.PDFDocument.load(blank, {
    updateMetadata: false, parseSpeed: PDFLib.ParseSpeeds.Fastest,
  });
  const marker = { ...DEFAULTS, ...(readMarker(doc, PDFLib) || {}) };
  const todo = fieldsToFill(doc.getForm(), values);
  const kit = await makeKit(PDFLib, doc, filled, {
    manifest: () => fontsReady || fetchOnce(FONTS, (response) => response.json()),
    fontkit: loadFontkit, file: (name) => fetchOnce(new URL(name, FONTS)), bidi: loadBidi,
  }, (code, message, details) => new FillError(code, message, details));
  setValues(todo, PDFLib);
  const isText = ([field, value]) => field instanceof PDFLib.PDFTextField && typeof value === "string";
  const boxes = todo.filter(isText).flatMap(([field, value, name]) =>
    field.acroField.getWidgets().map((widget) => ({ field, widget, name, text: value,
      multiline: field.isMultiline(), rect: widget.getRectangle() })));
  const box = (b) => ({ width: b.rect.width, height: b.rect.height, multiline: b.multiline,
    size: marker.size, inset: INSET });
  // what does not fit goes on continuation pages, in reading order
  const pageOf = new Map(doc.getPages().map((page, i) => [page.ref.toString(), i]));
  for (const b of boxes) b.layout = layoutBox(kit, b.text, box(b));
  const over = boxes.filter((b) => b.layout.overflow);
  const report = options.report || {};
  report.continued = [];
  report.pages = [];
  if (over.length) {
    for (const b of over) b.page = pageOf.get(String(b.widget.P())) ?? 0;
    // by page, then top edge (a row's cells together), then left to right
    const top = (b) => Math.round((b.rect.y + b.rect.height) / 4);
    over.sort((a, b) => a.page - b.page || top(b) - top(a) || a.rect.x - b.rect.x);
    const { addContinuation } = await import("./pdf-pages.js");
    const label = (b) => {
      const text = b.field.acroField.dict.lookup(PDFLib.PDFName.of("TU"));
      const words = text && text.decodeText ? text.decodeText() : b.name;
      return Array.from(words).filter((ch) => !kit.missing(ch).length).join("");
    };
    const pages = addContinuation(PDFLib, doc, kit, over.map((b) => ({ label: label(b),
      text: b.text })), { ...marker, title: doc.getTitle() });
    over.forEach((b, i) => { b.continued = pages[i]; });
    report.continued = over.map((b) => b.name);
    report.pages = [...new Set(pages)];
  }
  for (const b of boxes) {
    // a field whose text went on: laid out again with the pointer to its page
    const layout = b.continued ? layoutBox(kit, b.text, box(b),
      fmt(marker.words.see || "[{page}]", { page: b.continued })) : b.layout;
    drawBox(PDFLib, doc, kit, b.widget, layout, b.rect);
  }
  // checkboxes, radio buttons and combo boxes: pdf-lib's own appearances
  const others = todo.filter((item) => !isText(item)).map(([field]) => field);
  const restore = keepDefaultAppearances(others, PDFLib);
  // a combo box draws its value with a font of pdf-lib's: the embedded one, or Helvetica
  const comboFont = kit.primary.font.embedder ? kit.primary.font
    : (others.some((f) => f instanceof PDFLib.PDFDropdown || f instanceof PDFLib.PDFOptionList)
      ? await doc.embedFont(PDFLib.StandardFonts.Helvetica) : null);
  for (const field of others) {
    if (field instanceof PDFLib.PDFDropdown || field instanceof PDFLib.PDFOptionList) {
      field.defaultUpdateAppearances(comboFont);
    } else {
      field.defaultUpdateAppearances();
    }
  }
  restore();
  return doc.save({ updateFieldAppearances: false, objectsPerTick: Infinity });
}

/** The widget's appearance: the laid-out lines inside its box (nothing drawn outside it). */
function drawBox(P, doc, kit, widget, layout, rect) {
  const ops = [P.beginMarkedContent("Tx"), P.pushGraphicsState(),
    P.rectangle(0, 0, rect.width, rect.height), P.clip(), P.endPath(),
    P.setFillingGrayscaleColor(0.07), P.beginText()];
  const fonts = {};
  for (const line of layout.lines) {
    ops.push(...kit.draw(line.runs, line.x, line.y, line.size));
    for (const run of line.runs) fonts[run.slot.font.name] = run.slot.font.ref;
  }
  ops.push(P.endText(), P.popGraphicsState(), P.endMarkedContent());
  const stream = doc.context.formXObject(ops, {
    BBox: [0, 0, rect.width, rect.height], Resources: { Font: fonts },
  });
  widget.setNormalAppearance(doc.context.register(stream));
}

export async function readPdf(file, options = {}) {
  const max = options.maxBytes || DEFAULT_MAX_BYTES;
  if (file.size > max) {
    throw new FillError("too-big", `${file.size} bytes`, { size: file.size, max });
  }
  const [PDFLib, buffer] = await Promise.all([loadScript(PDF_LIB, "PDFLib"), file.arrayBuffer()]);
  const bytes = new Uint8Array(buffer);
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  if (!head.includes("%PDF-")) throw new FillError("damaged", "no PDF header");
  let doc;
  try {
    doc = await PDFLib.PDFDocument.load(bytes, {
      updateMetadata: false, parseSpeed: PDFLib.ParseSpeeds.Fastest,
    });
  } catch (err) {
    const locked = err instanceof PDFLib.EncryptedPDFError || /encrypt/i.test(err.message);
    throw new FillError(locked ? "locked" : "damaged", err.message);
  }
  let fields;
  try {
    fields = doc.getForm().getFields();
  } catch (err) {
    throw new FillError("damaged", err.message);
  }
  const marker = readMarker(doc, PDFLib);
  const title = doc.getTitle() || "";
  const names = fields.map((f) => f.getName());
  if (marker && marker.form !== options.form) {
    throw new FillError("other-form", marker.form, { form: marker.form, title });
  }
  if (!marker) {
    const expected = new Set(options.fields || []);
    const same = expected.size > 0 && names.length === expected.size
      && names.every((n) => expected.has(n));
    if (!same) throw new FillError("not-ours", "no marker and not this form's fields");
  }
  const values = {};
  for (const field of fields) {
    const name = field.getName();
    try {
      if (field instanceof PDFLib.PDFTextField) {
        values[name] = (field.getText() || "").replace(/\r\n?/g, "\n");
      } else if (field instanceof PDFLib.PDFCheckBox) {
        values[name] = field.isChecked();
      } else if (field instanceof PDFLib.PDFRadioGroup) {
        values[name] = field.getSelected() || "";
      } else if (field instanceof PDFLib.PDFDropdown || field instanceof PDFLib.PDFOptionList) {
        values[name] = field.getSelected()[0] || "";
      }
    } catch (err) {
      throw new FillError("damaged", `${name}: ${err.message}`);
    }
  }
  return { values, form: marker ? marker.form : options.form, title };
}

export function saveFile(bytes, filename) {
  const url = URL.createObjectURL(new Blob([bytes], { type: "application/pdf" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}
