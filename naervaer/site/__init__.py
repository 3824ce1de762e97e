"""The site renderer: one MkDocs plugin (:mod:`.plugin`) that loads the edition and adds
PDFs and generated pages; :mod:`.macros` gives thin pages in docs/ their one call;
:mod:`.pages` renders them (with :mod:`.tools` for the browser tools and :mod:`.form_fill`
for the HTML forms); :mod:`.run` and :mod:`.preview` build and preview for the command."""
