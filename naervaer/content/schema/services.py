"""The services a parent can tick on the consent form: the national catalogue
(``data/services.yaml``) and how an edition lists its own (``consent_services``).

Each catalogue entry has its name and a one-line explanation in bokmål and nynorsk, and
other names an edition may write for it (``also``). An edition's list holds catalogue ids
(``fastlege``), names (a name the catalogue knows gets its explanation and translations; any
other is a local service) or local services with their own explanation and translations.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, Discriminator, Field, Tag

from ...text import Text
from .base import Strict
from .kinds import SLUG
from .settings_doc import LText, doc


class CatalogueService(Strict):
    id: str = Field(pattern=SLUG)
    name: Text
    explain: Text
    also: list[str] = []  # other names for the same service (matched case-insensitively)


class ServiceCatalogue(Strict):
    """data/services.yaml."""

    services: list[CatalogueService] = Field(min_length=1)

    def find(self, value: str) -> CatalogueService | None:
        """The entry with this id, or with this name (nb, nn or another name it has)."""
        for entry in self.services:
            if value == entry.id:
                return entry
        wanted = " ".join(value.split()).casefold()
        for entry in self.services:
            names = [entry.name.nb, entry.name.nn or "", *entry.also]
            if wanted in {" ".join(n.split()).casefold() for n in names if n}:
                return entry
        return None

    def items(self) -> dict[str, Text]:
        """The translation items of the catalogue: item id → bokmål/nynorsk source."""
        out: dict[str, Text] = {}
        for entry in self.services:
            out[f"services.{entry.id}.name"] = entry.name
            out[f"services.{entry.id}.explain"] = entry.explain
        return out


class ServiceWords(Strict):  # a local consent service in a language of the parent material
    name: str = doc("Navnet på dette språket.", "Namnet på dette språket.", min_length=2)
    explain: str | None = doc("Hva den gjør, på språket.", "Kva ho gjer, på språket.",
                              default=None)


class LocalService(Strict):  # a service of the municipality's own, with what a parent reads
    name: LText = doc("Navnet på det norske skjemaet.", "Namnet på det norske skjemaet.")
    explain: LText | None = doc("Én setning til foresatte om hva tjenesten gjør.",
                                "Éi setning til føresette om kva tenesta gjer.", default=None)
    translations: dict[str, ServiceWords] = doc(
        "Navn og forklaring for samtykkearket på andre språk, etter språkkode, f.eks. "
        "`en: {name: …, explain: …}`. Uten: det norske navnet med en merknad.",
        "Namn og forklaring for samtykkearket på andre språk, etter språkkode, t.d. "
        "`en: {name: …, explain: …}`. Utan: det norske namnet med ein merknad.", default={})


def _service_kind(value: Any) -> str:  # an id or name, a name in nb and nn, a local service
    if isinstance(value, dict):
        return "Text" if value and set(value) <= {"nb", "nn"} else "LocalService"
    return type(value).__name__ if isinstance(value, BaseModel) else "str"


ConsentService = Annotated[
    Annotated[Annotated[str, Field(min_length=2)], Tag("str")]
    | Annotated[Text, Tag("Text")] | Annotated[LocalService, Tag("LocalService")],
    Discriminator(_service_kind)]
