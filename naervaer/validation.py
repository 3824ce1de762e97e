"""Validate a loaded YAML source against a pydantic model, with messages an editor can act on."""

from __future__ import annotations

import difflib
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import DataError, Problem
from .yamlsource import MergedSource, Source

M = TypeVar("M", bound=BaseModel)


def _allowed_keys(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Field names allowed at ``loc`` (the parent of an unknown key), for «did you mean»."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or part not in fields:
            # descend through list[...] / dict[...] / Optional[...] annotations
            return []
        annotation = fields[part].annotation
        current = _inner_model(annotation)
        if current is None:
            return []
    fields = getattr(current, "model_fields", None)
    return [f.alias or name for name, f in fields.items()] if fields else []


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _message(error: dict[str, Any], model: type[BaseModel]) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    given = error.get("input")
    if kind == "missing":
        return "mangler: denne nøkkelen må være med"
    if kind == "extra_forbidden":
        key = error["loc"][-1]
        allowed = _allowed_keys(model, tuple(error["loc"][:-1]))
        hint = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
        msg = f"ukjent nøkkel «{key}»"
        if hint:
            msg += f" – mente du «{hint[0]}»?"
        elif allowed:
            msg += " – tillatte nøkler her: " + ", ".join(sorted(allowed))
        return msg
    if kind in ("string_type", "str_type"):
        return f"forventet tekst, fikk {given!r}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"forventet et helt tall, fikk {given!r}"
    if kind in ("bool_type", "bool_parsing"):
        return f"forventet true eller false, fikk {given!r}"
    if kind in ("list_type",):
        return f"forventet en liste (linjer som begynner med «- »), fikk {given!r}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"forventet en gruppe med nøkler (nøkkel: verdi), fikk {given!r}"
    if kind in ("literal_error", "enum"):
        expected = str(ctx.get("expected")).replace(" or ", " eller ")
        return f"forventet en av {expected}, fikk {given!r}"
    if kind == "string_pattern_mismatch":
        return f"{given!r} har feil form (forventet mønsteret {ctx.get('pattern')})"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        limits = {
            "greater_than_equal": "minst",
            "less_than_equal": "høyst",
            "greater_than": "større enn",
            "less_than": "mindre enn",
        }
        bound = next(iter(ctx.values()), "")
        return f"forventet et tall {limits[kind]} {bound}, fikk {given!r}"
    if kind == "too_short":
        return f"for kort: forventet minst {ctx.get('min_length')} element(er)"
    if kind == "union_tag_invalid":
        expected = [e.strip(" '") for e in str(ctx.get("expected_tags", "")).split(",")]
        tag = str(ctx.get("tag"))
        hint = difflib.get_close_matches(tag, expected, n=1, cutoff=0.6)
        msg = f"ukjent type «{tag}»"
        msg += f" – mente du «{hint[0]}»?" if hint else f" – tillatte typer: {', '.join(expected)}"
        return msg
    if kind == "union_tag_not_found":
        return "mangler «type»: hvilken type felt er dette?"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    shown = repr(given)
    return f"{error['msg']} (fikk {shown[:60] + '…' if len(shown) > 60 else shown})"


def validate(
    model: type[M], source: Source | MergedSource, context: dict[str, Any] | None = None
) -> M:
    """Validate ``source.data`` as ``model``; raise :class:`DataError` with every problem."""
    try:
        return model.model_validate(source.data, context=context)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            loc = tuple(part for part in error["loc"] if not _is_union_tag(part))
            if error["type"] in ("union_tag_invalid", "union_tag_not_found"):
                loc += ("type",)
            file, line = source.locate(loc)
            problems.append(Problem(file, line, loc, _message(error, model)))
        raise DataError(_dedupe(problems)) from None


def _is_union_tag(part: Any) -> bool:
    # pydantic puts the chosen union member / tagged-union tag into loc; editors don't know them
    return isinstance(part, str) and (part.startswith("function-") or part in _UNION_TAGS)


_UNION_TAGS = {"str", "Text", "LocalText", "int", "list[str]"}


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen, out = set(), []
    for p in problems:
        key = (p.line, p.path, p.message)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out
