"""Vietnamese text rules: normalisation, names, folding, collation, TCVN3, titles, hygiene."""
