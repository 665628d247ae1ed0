"""The four views of the workspace, one screen (a Textual mode) each."""
