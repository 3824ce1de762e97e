"""Every measure in the bank is tagged with a tier and the causes it addresses (issue 21):
the targets the issue sets, the cause ids against the cause-mapping form, and the loader's
refusal of a wrong tag."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from naervaer.content.edition import Edition
from naervaer.content.schema.bank import CAUSES, Measure
from naervaer.content.schema.forms import Checkboxes
from naervaer.content.sources import load_yaml
from naervaer.errors import DataError

from .conftest import DEFAULT_SETTINGS, ROOT, example_edition
from .test_loader import load, problem_for, replace_key_of_measure

TAG_KEYS = ("tier", "causes", "judgement", "why")


@pytest.fixture(scope="module")
def edition() -> Edition:
    return example_edition(DEFAULT_SETTINGS.name)


@pytest.fixture(scope="module")
def bank(edition: Edition) -> list[Measure]:
    """The whole bank as the loader gives it (the default edition hides no measure)."""
    assert not edition.settings.hidden_measures
    return [m for m in edition.measures() if not m.local]


def form_causes(edition: Edition) -> list[str]:
    """The option ids of the question «Hva kjennes vanskelig?» in the cause-mapping form."""
    fields = [f for s in edition.forms["arsakskartlegging"].sections for f in s.fields
              if f.id == "folelser"]
    assert len(fields) == 1 and isinstance(fields[0], Checkboxes)
    return [o.id for o in fields[0].options]


def test_every_measure_carries_all_four_tags_in_the_file() -> None:
    # read the file itself: a default in the model must not hide a missing key
    data = load_yaml(ROOT / "data" / "measures.yaml").data
    measures = [m for c in data["categories"] for m in c["measures"]]
    assert len(measures) >= 140
    for m in measures:
        missing = [k for k in TAG_KEYS if k not in m]
        assert not missing, f"{m['id']} mangler {missing}"
        assert m["why"]["nb"].strip() and m["why"]["nn"].strip(), m["id"]
        assert m["why"]["nb"] != m["why"]["nn"], f"{m['id']}: why.nn er ikke nynorsk"


def test_every_tier_is_used_and_decisions_are_tier_3(bank: list[Measure]) -> None:
    tiers = Counter(m.tier for m in bank)
    assert set(tiers) == {1, 2, 3}, tiers
    # a «(PPT)» measure needs sakkyndig vurdering and enkeltvedtak: always tier 3
    assert all(m.tier == 3 for m in bank if m.decision)


def test_at_least_80_percent_name_a_cause(bank: list[Measure]) -> None:
    with_cause = [m for m in bank if m.causes]
    share = len(with_cause) / len(bank)
    assert share >= 0.80, f"{share:.0%} av tiltakene nevner en årsak"


def test_every_cause_is_addressed_by_at_least_three_measures(bank: list[Measure]) -> None:
    counts = Counter(c for m in bank for c in m.causes)
    thin = {c: counts[c] for c in CAUSES if counts[c] < 3}
    assert not thin, f"årsaker med færre enn tre tiltak: {thin}"


def test_cause_ids_are_the_options_of_the_cause_form(edition: Edition,
                                                     bank: list[Measure]) -> None:
    options = form_causes(edition)
    used = {c for m in bank for c in m.causes}
    assert used <= set(options), used - set(options)
    # the model's list is the form's list, «Noe annet» aside: a new option in the form
    # must be added to the model (and tagged) too
    assert [o for o in options if o != "noe-annet"] == list(CAUSES)


def test_tags_are_clean(bank: list[Measure]) -> None:
    for m in bank:
        assert len(set(m.causes)) == len(m.causes), m.id
        assert len(set(m.judgement)) == len(m.judgement), m.id
        # a cause judged without any cause named is no judgement at all
        assert m.causes or "causes" not in m.judgement, m.id
    # the texts are resolved for the edition like every other text
    assert all(m.why.value for m in bank)


def test_local_measures_get_tags_marked_as_judgement(edition: Edition) -> None:
    local = [m for m in edition.measures() if m.local]
    assert local
    assert all(m.tier == 2 and m.causes == [] and m.judgement == ["tier", "causes"]
               for m in local)


def test_unknown_cause_is_rejected_with_the_allowed_ids(data_copy: Path) -> None:
    replace_key_of_measure(data_copy / "data" / "measures.yaml", "9.1", "causes",
                           "causes: [venner, ensom]")
    with pytest.raises(DataError) as err:
        load(data_copy)
    message = problem_for(err.value, "measures.yaml")
    assert "categories[8].measures[0].causes[1]" in message
    assert "'ensom'" in message and "venner" in message


def test_missing_tier_and_bad_tier_are_rejected(data_copy: Path) -> None:
    file = data_copy / "data" / "measures.yaml"
    replace_key_of_measure(file, "6.1", "tier", "tier: 4")
    replace_key_of_measure(file, "6.2", "tier", "# no tier")
    with pytest.raises(DataError) as err:
        load(data_copy)
    report = err.value.report()
    assert "categories[5].measures[0].tier" in report
    assert "categories[5].measures[1].tier: mangler" in report
