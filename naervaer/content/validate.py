"""Validate a loaded YAML source against a pydantic model, with messages an editor can act on."""

from __future__ import annotations

import difflib
from types import UnionType
from typing import Annotated, Any, Literal, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from ..errors import DataError, Problem
from ..messages import known, msg
from ..text import Lang
from .schema.kinds import PATTERN_MESSAGES
from .sources import MergedSource, Source

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


def _message(error: dict[str, Any], model: type[BaseModel], lang: Lang) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    given = repr(error.get("input"))

    def m(message: str, /, **values: Any) -> str:
        return msg(message, lang, **values)

    if kind == "missing":
        return m("missing")
    if kind == "extra_forbidden":
        key = error["loc"][-1]
        allowed = _allowed_keys(model, tuple(error["loc"][:-1]))
        hint = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
        text = m("unknown_key", key=key)
        if hint:
            text += m("did_you_mean", hint=hint[0])
        elif allowed:
            text += m("allowed_keys", keys=", ".join(sorted(allowed)))
        return text
    simple = {
        "string_type": "expected_text", "str_type": "expected_text",
        "int_type": "expected_int", "int_parsing": "expected_int",
        "int_from_float": "expected_int", "bool_type": "expected_bool",
        "float_type": "expected_decimal", "float_parsing": "expected_decimal",
        "bool_parsing": "expected_bool", "list_type": "expected_list",
        "model_type": "expected_group", "dict_type": "expected_group",
        "model_attributes_type": "expected_group",
    }
    if kind in simple:
        return m(simple[kind], given=given)
    if kind in ("literal_error", "enum"):
        expected = str(ctx.get("expected")).replace(" or ", f" {m('or')} ")
        return m("expected_one_of", expected=expected, given=given)
    if kind == "string_pattern_mismatch":
        what = PATTERN_MESSAGES.get(str(ctx.get("pattern")), "form_other")
        return m("wrong_form", given=given, allowed=m(what))
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bound = next(iter(ctx.values()), "")
        if isinstance(bound, float):  # 100.0 → «100», 12.5 → «12,5»
            bound = f"{bound:g}".replace(".", ",")
        return m("expected_number", limit=m(kind), bound=bound, given=given)
    if kind == "too_short":
        return m("too_short", n=ctx.get("min_length"))
    if kind == "string_too_short":
        return m("text_too_short", n=ctx.get("min_length"), given=given)
    if kind == "too_long":
        return m("too_long", n=ctx.get("max_length"))
    if kind == "string_too_long":
        return m("text_too_long", n=ctx.get("max_length"),
                 given=given[:60] + "…" if len(given) > 60 else given)
    if kind == "finite_number":  # .inf or .nan where a number is wanted
        return m("expected_int", given=given)
    if kind == "union_tag_invalid":
        tags = [e.strip(" '") for e in str(ctx.get("expected_tags", "")).split(",")]
        tag = str(ctx.get("tag"))
        hint = difflib.get_close_matches(tag, tags, n=1, cutoff=0.6)
        if hint:
            return m("unknown_type", tag=tag) + m("did_you_mean", hint=hint[0])
        return m("unknown_type", tag=tag) + m("allowed_types", types=", ".join(tags))
    if kind == "union_tag_not_found":
        return m("missing_type")
    if known(kind):  # our own validators raise PydanticCustomError with a message key
        return m(kind, **ctx)
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    # a kind of mistake without its own message: said in Norwegian all the same, never with
    # the validator's English text
    return m("other_error", given=given[:60] + "…" if len(given) > 60 else given)


def _accepts(annotation: Any, kind: type) -> bool:
    """Whether a field of ``annotation`` takes a value of type ``kind`` as it is."""
    if annotation is Any:
        return True
    origin = get_origin(annotation)
    if origin is Annotated:
        return _accepts(get_args(annotation)[0], kind)
    if origin in (Union, UnionType):
        return any(_accepts(arg, kind) for arg in get_args(annotation))
    if origin is Literal:
        return any(isinstance(value, kind) for value in get_args(annotation))
    if isinstance(annotation, type):
        if kind is bool:
            return annotation is bool
        return issubclass(kind, annotation) or (annotation is float and kind is int)
    return False


def _inner(annotation: Any) -> list[Any]:
    """The types a union or an ``Annotated`` stands for."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _inner(get_args(annotation)[0])
    if origin in (Union, UnionType):
        return [t for arg in get_args(annotation) for t in _inner(arg)]
    return [annotation]


def as_written(annotation: Any, value: Any, path: tuple[Any, ...], source: Any) -> Any:
    """``value`` with every number or boolean that stands where the schema wants text
    replaced by its text as written in the file (``weeks: 4`` → «4», ``8.10`` → «8.10»).
    Everything else is left for the schema to judge."""
    if isinstance(value, bool | int | float) and not _accepts(annotation, type(value)) \
            and _accepts(annotation, str):
        written = source.text_of(path)
        return written if written is not None else value
    for kind in _inner(annotation):
        origin = get_origin(kind)
        if isinstance(value, dict) and isinstance(kind, type) and issubclass(kind, BaseModel):
            fields = kind.model_fields
            if "root" in fields and len(fields) == 1:
                return as_written(fields["root"].annotation, value, path, source)
            return {key: as_written(fields[key].annotation, item, path + (key,), source)
                    if key in fields else item for key, item in value.items()}
        if isinstance(value, list) and origin is list:
            (item_type,) = get_args(kind)
            return [as_written(item_type, item, path + (i,), source)
                    for i, item in enumerate(value)]
        if isinstance(value, dict) and origin is dict:
            item_type = get_args(kind)[1]
            return {key: as_written(item_type, item, path + (key,), source)
                    for key, item in value.items()}
    return value


def validate(
    model: type[M], source: Source | MergedSource, context: dict[str, Any] | None = None,
    lang: Lang = "nb",
) -> M:
    """Validate ``source.data`` as ``model`` (values read as written, :func:`as_written`);
    raise :class:`DataError` with every problem."""
    try:
        return model.model_validate(as_written(model, source.data, (), source), context=context)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            loc = tuple(part for part in error["loc"] if not _is_union_tag(part))
            if error["type"] in ("union_tag_invalid", "union_tag_not_found"):
                loc += ("type",)
            file, line = source.locate(loc)
            problems.append(Problem(file, line, loc, _message(dict(error), model, lang)))
        raise DataError(_dedupe(problems), lang) from None


def _is_union_tag(part: Any) -> bool:
    # pydantic puts the chosen union member / tagged-union tag into loc; editors don't know them
    return isinstance(part, str) and (part.startswith("function-") or part in _UNION_TAGS)


_UNION_TAGS = {"str", "Text", "LocalText", "LocalService", "int", "list[str]"}


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen, out = set(), []
    for p in problems:
        key = (p.line, p.path, p.message)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out
