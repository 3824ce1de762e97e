"""The content pipeline: sources → schema → checks → resolve → a frozen :class:`Edition`.

* :mod:`.sources` — YAML read with the line of every key (:mod:`.validate`: schema errors
  as messages an editor can act on);
* :mod:`.schema` — one strict model per kind of file;
* :mod:`.checks` — problems across files and against the settings;
* :mod:`.settings_file`, :mod:`.values` — the settings overlay, and settings values as text;
* :mod:`.resolve`, :mod:`.parents`, :mod:`.parent_docs` — local measures and sections,
  every text rendered for the målform, the parent material in other languages;
* :mod:`.absence` — the edition's rule for concerning absence as numbers;
* :mod:`.spelling` — the language gate (Hunspell, word lists, house style);
* :mod:`.edition` — :func:`load_edition` and the :class:`Edition` renderers read.
"""
