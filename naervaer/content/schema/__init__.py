"""The schema: one strict model per kind of file, every text a :class:`~naervaer.text.Text`.

* :mod:`.base` — the one strict base model (unknown keys refused, frozen once validated);
* :mod:`.bank` — the measure bank; :mod:`.guide` — guide pages, process map, readers' words;
* :mod:`.law` — legal references; :mod:`.forms` — form definitions;
* :mod:`.settings` — an edition's settings (also the editors' JSON Schema);
* :mod:`.parents` — parent material in other languages.
"""
