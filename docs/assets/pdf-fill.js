/* Nærvær — fill a fillable PDF in the browser and save it as a file. Nothing leaves the device:
   the blank PDF, the PDF library and (when needed) a font come from this site; the values stay
   in memory and end up only in the file the reader saves.

   API (stable; the HTML forms and the plan builder use it):

   fillPdf(pdfUrl, values, options?) → Promise<Uint8Array>
     pdfUrl   URL of the blank fillable PDF (this site).
     values   { fieldName: value } with the PDF's field names (`section:field[:row[:col]]`):
              a string for text fields; for radio groups and combo boxes the export value the
              PDF declares (e.g. "ja" | "delvis" | "nei", "7"); a boolean for checkboxes.
              Empty strings, false and missing names leave the field empty. A tab becomes
              a space (text pasted from a table): a PDF text field cannot show a tab.
     options  { fontUrl?: URL|string }  TrueType font for text that the standard PDF font
              (WinAnsi: Latin-1 and a few more) cannot show — e.g. Ł, ễ, Cyrillic, Arabic;
              used only in the fields whose values need it.
              Default: assets/fonts/form-fill.ttf next to this module.
     The PDF stays tagged, keeps its title and /Lang, and its fields stay editable (not
     flattened); each field keeps its own default appearance for later editing in a reader,
     and only the filled fields get new appearance streams.
     pdf-lib and the blank PDF load on the first call, in parallel; fontkit and the font
     too when a value holds a character outside WinAnsi (the standard font's set).
     Rejects with a FillError whose `code` is
       "missing-glyphs"  error.chars: characters no available font can show,
                         error.fields: the field names whose values contain them;
       "bad-value"       error.fields: values the field cannot take (unknown export value,
                         text longer than the field's maximum length, wrong type);
       "unknown-field"   error.fields: names the PDF has no field for;
       "load"            the library, the font or the PDF could not be loaded.

   saveFile(bytes, filename) → void
     Offers `bytes` as a downloaded file (application/pdf) named `filename`.

   FillError  the error class above.
*/

const HERE = import.meta.url;
const PDF_LIB = new URL("vendor/pdf-lib/pdf-lib.min.js", HERE);
const FONTKIT = new URL("vendor/fontkit/fontkit.umd.min.js", HERE);
const DEFAULT_FONT = new URL("fonts/form-fill.ttf", HERE);
// characters that never need a glyph (line breaks in multi-line fields)
const NO_GLYPH = new Set([0x0a, 0x0d]);
// WinAnsi beyond Latin-1: a value outside this and Latin-1 needs the embedded font, so
// fontkit and the font start loading with pdf-lib (the exact check is the font's own set)
const WIN_ANSI = new Set(Array.from("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ", (c) => c.codePointAt(0)));
const needsWideFont = (text) => Array.from(text).some((ch) => {
  const cp = ch.codePointAt(0);
  return !NO_GLYPH.has(cp) && (cp < 0x20 || (cp > 0x7e && cp < 0xa0) || cp > 0xff)
    && !WIN_ANSI.has(cp);
});

export class FillError extends Error {
  constructor(code, message, details = {}) {
    super(message);
    this.name = "FillError";
    this.code = code;
    this.chars = details.chars || [];
    this.fields = details.fields || [];
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

const blanks = new Map();  // blank PDFs (and the font) by URL, in memory only

function fetchBlank(url) {
  const key = String(url);
  if (!blanks.has(key)) {
    blanks.set(key, fetchBytes(key).catch((err) => { blanks.delete(key); throw err; }));
  }
  return blanks.get(key);
}

async function fetchBytes(url) {
  let response;
  try {
    response = await fetch(url, { credentials: "same-origin", cache: "force-cache" });
  } catch (err) {
    throw new FillError("load", `could not fetch ${url}: ${err.message}`);
  }
  if (!response.ok) throw new FillError("load", `could not fetch ${url}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Code points of `text` that `charset` (a Set of code points) lacks. */
function lacking(text, charset) {
  const out = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    if (!NO_GLYPH.has(cp) && !charset.has(cp) && !out.includes(ch)) out.push(ch);
  }
  return out;
}

function texts(values) {
  return Object.entries(values).filter(([, v]) => typeof v === "string" && v !== "");
}

/** The /DA of the fields about to be filled and their widgets, so the appearances we draw
    do not change what a PDF reader uses when the field is edited later (the form's own
    field font). Only filled fields get new appearances. */
function rememberDefaultAppearances(fields, PDFLib) {
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

/** [[field, value]] for every value to set ({} of names → values); FillError for names
    the PDF has no field for. One pass over the fields: form.getField() would make every
    field's wrapper again for each name. */
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

export async function fillPdf(pdfUrl, given, options = {}) {
  const values = Object.fromEntries(Object.entries(given).map(([name, value]) =>
    [name, typeof value === "string" ? value.replace(/\t/g, " ") : value]));
  const filled = texts(values);
  const fontUrl = options.fontUrl || DEFAULT_FONT;
  let wide = null;  // fontkit and the font, loading alongside when a value will need them
  const loadWide = () => {
    if (!wide) wide = Promise.all([loadScript(FONTKIT, "fontkit"), fetchBlank(fontUrl)]);
    return wide;
  };
  if (filled.some(([, text]) => needsWideFont(text))) loadWide().catch(() => {});
  const [PDFLib, blank] = await Promise.all([
    loadScript(PDF_LIB, "PDFLib"), fetchBlank(pdfUrl),
  ]);
  // all objects in one go: the default parses and saves in slices with a timer between them
  const doc = await PDFLib.PDFDocument.load(blank, {
    updateMetadata: false, parseSpeed: PDFLib.ParseSpeeds.Fastest,
  });
  const form = doc.getForm();
  const todo = fieldsToFill(form, values);
  const font = await doc.embedFont(PDFLib.StandardFonts.Helvetica);
  const standard = new Set(font.getCharacterSet());
  // the embedded font only for the values the standard font cannot show: the others keep
  // the standard font (no shaping, nothing added to the font subset)
  const needWide = filled.filter(([, text]) => lacking(text, standard).length);
  let wideFont = null;
  if (needWide.length) {
    const [fontkit, fontBytes] = await loadWide();
    doc.registerFontkit(fontkit);
    wideFont = await doc.embedFont(fontBytes, { subset: true });
    const wide = new Set(wideFont.getCharacterSet());
    const chars = [];
    const fields = [];
    for (const [name, text] of needWide) {
      const missing = lacking(text, wide);
      if (missing.length) fields.push(name);
      for (const ch of missing) if (!chars.includes(ch)) chars.push(ch);
    }
    if (chars.length) {
      throw new FillError("missing-glyphs", `no glyph for ${chars.join(" ")}`,
        { chars, fields });
    }
  }
  const restore = rememberDefaultAppearances(todo.map(([field]) => field), PDFLib);
  setValues(todo, PDFLib);
  // new appearances for the filled fields only: a blank field keeps none, as in the blank
  // PDF (a reader draws it when it is filled there)
  const wideNames = new Set(needWide.map(([name]) => name));
  for (const [field, , name] of todo) {
    field.defaultUpdateAppearances(wideNames.has(name) ? wideFont : font);
  }
  restore();
  return doc.save({ updateFieldAppearances: false, objectsPerTick: Infinity });
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
