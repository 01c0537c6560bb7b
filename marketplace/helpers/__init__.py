"""Bottom-layer helpers: they import no project module outside this layer."""
