"""Papers as data: their metadata from arXiv and Crossref, for ``--online`` and ``add``.

Nothing here is imported unless one of them runs: a plain lint never touches the network and
never pays for importing an HTTP client. ``metadata`` reads the APIs' answers (stdlib only),
``cache`` keeps them on disk, ``client`` asks for them as arXiv and Crossref ask to be asked.
"""
