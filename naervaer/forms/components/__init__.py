"""One component per field type, each with its layout (:mod:`.lines`, :mod:`.choices`,
:mod:`.rows`, :mod:`.other`), its constraints (:class:`~.base.Rule`), its fill rule (the
kind of each input) and its HTML for the PDF and the site (``templates/<type>.html``:
macros ``pdf`` and ``site``)."""

from __future__ import annotations

from .base import Component
from .choices import CheckboxComponent, CheckboxesComponent, ChoiceComponent
from .lines import BirthNumberComponent, DateComponent, TextAreaComponent, TextComponent
from .other import CardsComponent, CircleComponent, InfoComponent, SignatureComponent
from .rows import QuestionsComponent, ScaleComponent, TableComponent, YesNoComponent

COMPONENTS: dict[str, Component] = {c.type: c for c in (
    TextComponent(), DateComponent(), BirthNumberComponent(), TextAreaComponent(),
    CheckboxComponent(), CheckboxesComponent(), ChoiceComponent(), YesNoComponent(),
    QuestionsComponent(), TableComponent(), SignatureComponent(), ScaleComponent(),
    CardsComponent(), CircleComponent(), InfoComponent(),
)}
RULES = {c.rule.check: c.rule for c in COMPONENTS.values() if c.rule is not None}
