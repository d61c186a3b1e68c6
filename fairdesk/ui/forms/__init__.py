"""Classes compiled by scripts/build_forms.py from the Designer files in /ui/*.ui (do not
edit: change the .ui file and build again).

May import: nothing else of fairdesk.
"""
