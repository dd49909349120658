"""llm4or-lint: lint and fix the Markdown tables of a paper list."""

__version__ = "0.1.0"

# where the rules are documented (README's rule table has an anchor per rule name); the
# project's repository, named OWNER/awesome-llm4or in README until it has a public address
HOMEPAGE = "https://github.com/OWNER/awesome-llm4or"
