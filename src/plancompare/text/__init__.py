"""Chinese text primitives, one home each: sentences, numbers, the lexicon of planning
language, display width."""
