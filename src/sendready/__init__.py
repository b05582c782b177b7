"""sendready."""
