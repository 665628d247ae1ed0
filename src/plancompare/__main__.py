"""``python -m plancompare`` runs the command line."""

from plancompare.cli import main

main(prog_name="plancompare")
