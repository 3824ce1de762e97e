"""Print layout: no heading or field label ends a page with its content on the next page.

Every PDF of both editions (all forms in both variants and the whole guide) is read through
its tags (PDF/UA): each page's marked content is mapped to its structure element, the
running header and footer (margin boxes, not part of the document's structure) are left
out, and what remains is the page's body in reading order. A page fails when

* its body is nothing but headings and field labels, or
* it is not the last page and its body ends with a heading, or with the label of a field
  whose content is text (options, table columns, cards, signers …): that content went to
  the next page. (Labels of write-in fields are kept with their lines by
  ``break-inside: avoid``; lines are drawings, not text, so they are not checked here.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pytest

from naervaer.content.edition import Edition
from naervaer.forms.layout import layout
from naervaer.pdf.build import VARIANTS

from .conftest import DEFAULT_SETTINGS, example_edition

pytestmark = pytest.mark.pdf

HEADING = re.compile(r"^/H[1-6]?$")
# blocks whose content is text, so a label left alone at the foot of a page is visible
TEXT_CONTENT = {"checkboxes", "choice", "yesno", "table", "scale", "cards", "circle",
                "signature", "info"}


@dataclass
class Item:
    """One structure element's text on one page."""

    kind: str  # heading | label | content
    text: str


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def field_labels(edition: Edition, form_id: str) -> set[str]:
    """Labels that introduce a block whose content is text, without whitespace. A text that
    is also the label of a write-in field (whose lines are drawings) is left out: ambiguous."""
    labels: set[str] = set()
    write_in: set[str] = set()
    for section in layout(edition.forms[form_id], edition):
        for block in section.blocks:
            if block.type in TEXT_CONTENT and block.label:
                labels.add(squash(block.label))
            for row in block.rows:
                if block.type == "signature" and row.get("label"):
                    labels.add(squash(row["label"]))
            write_in |= {squash(i.label) for i in block.inputs if i.kind in ("text", "multiline")}
    labels.add(squash(edition.t("form.scale_board")))
    labels.add(squash(edition.t("form.scale_cards")))
    return labels - write_in


def _numbers(node: pikepdf.Object, out: dict[int, pikepdf.Object]) -> None:
    if "/Nums" in node:
        nums = node.Nums
        for i in range(0, len(nums), 2):
            out[int(nums[i])] = nums[i + 1]
    for kid in node.get("/Kids", []):
        _numbers(kid, out)


def _in_document(root: pikepdf.Object) -> set[tuple[int, int]]:
    """Structure elements reachable from the root: margin boxes are not among them."""
    seen: set[tuple[int, int]] = set()
    stack = list(root.K) if isinstance(root.K, pikepdf.Array) else [root.K]
    while stack:
        node = stack.pop()
        if not isinstance(node, pikepdf.Dictionary) or node.get("/Type") not in (
            None, "/StructElem"
        ) or "/S" not in node:
            continue
        if node.objgen in seen:
            continue
        seen.add(node.objgen)
        kids = node.get("/K")
        if isinstance(kids, pikepdf.Array):
            stack.extend(kids)
        elif kids is not None:
            stack.append(kids)
    return seen


def _chain(element: pikepdf.Object) -> list[pikepdf.Object]:
    out = []
    while isinstance(element, pikepdf.Dictionary) and "/S" in element:
        out.append(element)
        element = element.get("/P")
    return out


_PAIR = re.compile(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>")
_RANGE = re.compile(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>")


def to_unicode(font: pikepdf.Object) -> dict[int, str]:
    """A font's ToUnicode CMap (WeasyPrint writes Identity-H fonts with bfchar/bfrange)."""
    cmap: dict[int, str] = {}
    data = font.ToUnicode.read_bytes() if "/ToUnicode" in font else b""
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, dst in _RANGE.findall(block):
            for offset, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                cmap[code] = chr(int(dst, 16) + offset)
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for src, dst in _PAIR.findall(block):
            cmap[int(src, 16)] = bytes.fromhex(dst.decode()).decode("utf-16-be")
    return cmap


def marked_texts(page: pikepdf.Page) -> list[tuple[int, str]]:
    """(MCID, text) in content order; text outside marked content is left out."""
    fonts = {str(name): to_unicode(font)
             for name, font in page.Resources.get("/Font", pikepdf.Dictionary()).items()}
    marked: list[int | None] = []
    cmap: dict[int, str] = {}
    out: list[tuple[int, str]] = []
    for operands, op in pikepdf.parse_content_stream(page):
        name = str(op)
        if name == "BDC":
            props = operands[1]
            marked.append(int(props.MCID) if isinstance(props, pikepdf.Dictionary)
                          and "/MCID" in props else None)
        elif name == "BMC":
            marked.append(None)
        elif name == "EMC" and marked:
            marked.pop()
        elif name == "Tf":
            cmap = fonts.get(str(operands[0]), {})
        elif name in ("Tj", "TJ", "'", '"'):
            strings = operands[0] if name == "TJ" else operands[-1:]
            raw = b"".join(bytes(s) for s in strings if isinstance(s, pikepdf.String))
            text = "".join(cmap.get(int.from_bytes(raw[i:i + 2], "big"), "")
                           for i in range(0, len(raw) - 1, 2))
            mcid = next((m for m in reversed(marked) if m is not None), None)
            if text.strip() and mcid is not None:
                out.append((mcid, text))
    return out


def page_bodies(path: Path, labels: set[str]) -> list[list[Item]]:
    """Each page's body (running header and footer left out) as headings, labels, content."""
    bodies: list[list[Item]] = []
    with pikepdf.open(path) as pdf:
        root = pdf.Root.StructTreeRoot
        parents: dict[int, pikepdf.Object] = {}
        _numbers(root.ParentTree, parents)
        document = _in_document(root)
        for page in pdf.pages:
            texts = marked_texts(page)
            elements = parents.get(int(page.obj.get("/StructParents", -1)))
            grouped: list[tuple[tuple[int, int], list[pikepdf.Object], list[str]]] = []
            for mcid, piece in texts:
                chain = _chain(elements[mcid]) if elements is not None else []
                if not chain or chain[0].objgen not in document:
                    continue  # running header/footer (margin boxes)
                owner = chain[1] if len(chain) > 1 else chain[0]
                if grouped and grouped[-1][0] == owner.objgen:
                    grouped[-1][2].append(piece)
                else:
                    grouped.append((owner.objgen, chain, [piece]))
            items = []
            for _, chain, pieces in grouped:
                text = " ".join(pieces)
                if any(HEADING.match(str(e.S)) for e in chain):
                    kind = "heading"
                elif squash(text) in labels:
                    kind = "label"
                else:
                    kind = "content"
                items.append(Item(kind, " ".join(text.split())))
            bodies.append(items)
    return bodies


def stranded(path: Path, labels: set[str]) -> list[str]:
    """What is wrong with the page breaks of one PDF, one line per page."""
    bodies = page_bodies(path, labels)
    problems = []
    for number, items in enumerate(bodies, start=1):
        if not items:
            problems.append(f"{path.name} side {number}: ingen tekst")
            continue
        if all(i.kind != "content" for i in items):
            problems.append(f"{path.name} side {number}: bare overskrifter/ledetekster: "
                            + " | ".join(i.text for i in items))
        elif number < len(bodies) and items[-1].kind != "content":
            problems.append(f"{path.name} side {number} slutter med {items[-1].kind} "
                            f"«{items[-1].text}»; innholdet står på neste side")
    return problems


def check_pdfs(site: Path, edition: Edition) -> list[str]:
    problems = []
    pdfs = sorted(site.glob("*.pdf"))
    assert len(pdfs) == 2 * len(edition.forms) + 1, [p.name for p in pdfs]
    suffixes = tuple(f"-{v}.pdf" for v in VARIANTS.values())
    for path in pdfs:
        form_id = next((path.name.removesuffix(s) for s in suffixes if path.name.endswith(s)),
                       None)
        labels = field_labels(edition, form_id) if form_id in edition.forms else set()
        problems += stranded(path, labels)
    return problems


def test_no_page_of_the_default_edition_ends_with_a_heading_or_label(site_dir: Path) -> None:
    problems = check_pdfs(site_dir / "skjema", example_edition(DEFAULT_SETTINGS.name))
    assert not problems, "\n".join(problems)


def test_no_page_of_the_nynorsk_edition_ends_with_a_heading_or_label(nn_site_dir: Path) -> None:
    problems = check_pdfs(nn_site_dir / "skjema", example_edition("fjordvik.yml"))
    assert not problems, "\n".join(problems)
