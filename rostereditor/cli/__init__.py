"""The command line: `rostereditor [PATH]` opens the editor; subcommands work without a window."""
