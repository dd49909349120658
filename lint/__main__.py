"""``python -m lint``: the same entry as the ``llm4or-lint`` script."""

from lint.cli import entry

entry()
