"""CX Council Workspace: one shared view of where customers run into trouble, and what the council decided."""

__version__ = "0.1.0"
