"""A plan as a document: heading grammar, section tree, canonical Markdown, the corpus folder."""
