"""One module per CLI subcommand, each with ``add_parser(subparsers)`` and ``run(args) -> int``."""

COMMANDS = ("extract", "ingest", "serve", "export", "batch", "watch", "train_ner", "summary")
