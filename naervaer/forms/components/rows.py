"""Fields made of rows: yes/partly/no per statement, questions, tables, a 1–10 scale."""

from __future__ import annotations

from typing import Any

from .base import Block, Component, Context, Input, label


class YesNoComponent(Component):
    """Per row: ja / delvis / nei (a radio group) and a comment. Fill rule: the answer's id;
    the comment as typed."""

    type = "yesno"

    def layout(self, f: Any, base: str, c: Context) -> Block:
        b = self.block(f)
        answers = [("ja", c.word("form.yes")), ("delvis", c.word("form.partly")),
                   ("nei", c.word("form.no"))]
        b.extra["answers"] = [a[1] for a in answers]
        for row in f.rows:
            rlabel = label(row.label)
            radios = [Input(f"{base}:{row.id}", "radio", f"{rlabel}: {alabel}", value=aid,
                            group=rlabel) for aid, alabel in answers]
            comment = (Input(f"{base}:{row.id}:kommentar", "text",
                             f"{rlabel}: {c.word('form.comment')}") if f.comment else None)
            b.rows.append({"label": rlabel, "radios": radios, "comment": comment})
            b.inputs += radios + ([comment] if comment else [])
        return b


class QuestionsComponent(Component):
    """A text box per question. Fill rule: each answer as typed."""

    type = "questions"

    def layout(self, f: Any, base: str, c: Context) -> Block:
        b = self.block(f)
        for row in f.rows:
            inp = Input(f"{base}:{row.id}", "multiline", label(row.label), lines=f.lines)
            b.rows.append({"label": label(row.label), "input": inp})
            b.inputs.append(inp)
        return b


class TableComponent(Component):
    """Rows (numbered, or labelled) × columns of cells. Fill rule: each cell as typed."""

    type = "table"

    def layout(self, f: Any, base: str, c: Context) -> Block:
        b = self.block(f)
        rows = ([(r.id, label(r.label)) for r in f.row_labels] if f.row_labels
                else [(f"r{i}", str(i)) for i in range(1, (f.rows or 5) + 1)])
        b.extra["has_row_labels"] = bool(f.row_labels)
        for rid, rlabel in rows:
            where = rlabel if f.row_labels else f"{c.word('form.row')} {rlabel}"
            cells = [Input(f"{base}:{rid}:{col.id}", "multiline" if col.lines > 1 else "text",
                           f"{label(col.label)}, {where}", lines=col.lines) for col in f.columns]
            b.rows.append({"label": rlabel, "cells": cells})
            b.inputs += cells
        return b


class ScaleComponent(Component):
    """A score from min to max per item (a combo box in the PDF, radios on the site), and
    blank items to name. Fill rule: the score as text ("" = not scored)."""

    type = "scale"

    def layout(self, f: Any, base: str, c: Context) -> Block:
        b = self.block(f)
        values = [str(v) for v in range(f.min, f.max + 1)]
        b.extra["values"] = values
        items: list[tuple[str, str, Input | None]] = [(i.id, label(i.label), None)
                                                      for i in f.items]
        items += [(f"egen{i}", "", Input(f"{base}:egen{i}:tekst", "text",
                                         f"{c.word('form.own_item')} {i}"))
                  for i in range(1, f.blank + 1)]
        for iid, ilabel, own in items:
            score = Input(f"{base}:{iid}", "combo",
                          f"{ilabel or c.word('form.own_item')}: {c.word('form.score')}",
                          options=[""] + values)
            b.rows.append({"label": ilabel, "own": own, "score": score})
            b.inputs += ([own] if own else []) + [score]
        return b
