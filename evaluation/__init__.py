"""Gold files and their scorers: how well plancompare reads real plans (not shipped)."""
