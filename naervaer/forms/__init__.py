"""Forms: the layout of a form definition (:mod:`.layout`), drawn by one component per field
type (:mod:`.components`) into the PDF (:mod:`naervaer.pdf`) and onto the site
(:mod:`naervaer.site`), with the constraints the browser shares (:mod:`.rules`)."""
