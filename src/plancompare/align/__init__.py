"""Which parts of two plans deal with the same topic, and what differs between them."""
