"""Review comments: the comment model, its SQLite store, anchoring, merging and W3C export."""
