"""Fix what WeasyPrint 70 leaves wrong in form PDFs (measured; see toolchain notes).

1. checkboxes/radios lack ``/DA`` → some viewers show a ticked box as empty;
2. radio widgets carry their own ``/T``/``/FT`` and also sit in ``/AcroForm/Fields`` →
   a phantom field per button; filling fails in poppler;
3. page content starts with a flip matrix outside ``q … Q`` → flattening draws upside
   down; field rectangles stored with y1 > y2.
Also: pages with annotations get ``/Tabs /S`` (tab order follows the structure, as PDF/UA
requires), text fields get ``/TU`` from their name if a label is missing, and the document
information gets the entries asked for (the fillable's marker, ``/NaervaerForm``).
"""

from __future__ import annotations

import io

import pikepdf
from pikepdf import Array, Name, String

RadioGroups = dict[str, tuple[str, tuple[str, ...]]]


def fix_pdf(raw: bytes, radio_groups: RadioGroups | None = None,
            info: dict[str, str] | None = None) -> tuple[bytes, int]:
    """Apply the fixes. ``radio_groups`` gives each radio group the question it answers
    (for screen readers) and its buttons' export values (WeasyPrint numbers them 0, 1, …);
    ``info`` entries (key without the slash → text) go into the document information."""
    with pikepdf.open(io.BytesIO(raw)) as pdf:
        for key, value in (info or {}).items():
            pdf.docinfo[Name("/" + key)] = String(value)
        acroform = pdf.Root.get("/AcroForm")
        if acroform is not None:
            _fix_fields(pdf, acroform, radio_groups or {})
        if "/StructTreeRoot" in pdf.Root:
            _scope_table_headers(pdf.Root.StructTreeRoot)
        for page in pdf.pages:
            _wrap_content(pdf, page)
            if "/Annots" in page.obj:
                page.obj.Tabs = Name.S
                for annot in page.obj.Annots:
                    _normalise_rect(annot)
        out = io.BytesIO()
        pdf.save(out, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
        return out.getvalue(), len(pdf.pages)


def _fix_fields(pdf: pikepdf.Pdf, acroform: pikepdf.Dictionary, radios: RadioGroups) -> None:
    default_da = acroform.get("/DA", String("/Helv 0 Tf 0 g"))
    kept = Array()
    for field in acroform.get("/Fields", Array()):
        if "/Parent" in field:
            # a radio widget that also claims to be a field: keep it only as its group's kid
            for key in ("/T", "/FT", "/Ff", "/TU", "/V"):
                if key in field:
                    del field[key]
            continue
        if field.get("/FT") == Name.Btn:
            if "/DA" not in field:
                field.DA = default_da
            for kid in field.get("/Kids", Array()):
                if "/DA" not in kid:
                    kid.DA = default_da
            group = radios.get(str(field.get("/T", "")))
            if group and "/Kids" in field:
                label, values = group
                field.TU = String(label)
                _name_states(field.Kids, values)
        kept.append(field)
    acroform.Fields = kept
    acroform.NeedAppearances = False


def _name_states(kids: pikepdf.Array, values: tuple[str, ...]) -> None:
    """Rename each button's on-state from WeasyPrint's index to its export value (ja, nei …),
    so a filled form says what was chosen."""
    if len(kids) != len(values):
        return
    for kid, value in zip(kids, values, strict=True):
        normal = kid.get("/AP", {}).get("/N")
        if not isinstance(normal, pikepdf.Dictionary):
            continue
        states = [k for k in normal.keys() if k != "/Off"]
        if len(states) != 1 or not value:
            continue
        new = Name("/" + value)
        for appearances in (kid.AP.get("/N"), kid.AP.get("/D")):
            if isinstance(appearances, pikepdf.Dictionary) and states[0] in appearances:
                appearances[new] = appearances[states[0]]
                del appearances[states[0]]
        if kid.get("/AS") == Name(states[0]):
            kid.AS = new


def _kids(node: pikepdf.Object) -> list[pikepdf.Object]:
    kids = node.get("/K") if isinstance(node, pikepdf.Dictionary) else None
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def _scope_table_headers(root: pikepdf.Dictionary) -> None:
    """Give every table header cell a /Scope (Column in THead, else Row), so assistive
    technology can tell which cells a header belongs to (PDF/UA 7.5)."""
    stack: list[tuple[pikepdf.Object, bool]] = [(root, False)]
    while stack:
        node, in_head = stack.pop()
        if not isinstance(node, pikepdf.Dictionary):
            continue
        role = str(node.get("/S", ""))
        if role == "/TH":
            scope = Name.Column if in_head else Name.Row
            attrs = node.get("/A")
            if isinstance(attrs, pikepdf.Dictionary):
                if "/Scope" not in attrs:
                    attrs.Scope = scope
            elif attrs is None:
                node.A = pikepdf.Dictionary(O=Name.Table, Scope=scope)
        head = in_head or role == "/THead"
        if role == "/TR" and not in_head:
            # a header row outside THead (first row of the table): its cells head columns
            cells = [k for k in _kids(node) if isinstance(k, pikepdf.Dictionary)]
            head = bool(cells) and all(str(c.get("/S", "")) == "/TH" for c in cells)
        stack.extend((kid, head) for kid in _kids(node))


def _wrap_content(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    """Enclose the page content in q … Q so later additions start from a clean state."""
    contents = page.obj.get("/Contents")
    if contents is None:
        return
    page.contents_coalesce()
    stream = page.obj.Contents
    data = stream.read_bytes()
    if data.lstrip().startswith(b"q") and data.rstrip().endswith(b"Q"):
        return
    stream.write(b"q\n" + data + b"\nQ\n")


def _normalise_rect(annot: pikepdf.Dictionary) -> None:
    rect = annot.get("/Rect")
    if rect is None or len(rect) != 4:
        return
    x1, y1, x2, y2 = (float(v) for v in rect)
    annot.Rect = Array([min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)])

