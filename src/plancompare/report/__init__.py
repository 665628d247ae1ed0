"""The consolidated feedback report."""
