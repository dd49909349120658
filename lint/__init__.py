"""llm4or-lint: lint and fix the Markdown tables of a paper list."""

__version__ = "0.1.0"
