"""PDF rendering: forms (fillable and printable) and the whole guide, via WeasyPrint."""
