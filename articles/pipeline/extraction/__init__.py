"""Entity extraction from Russian news text: a pure pipeline from a parsed article to entities."""
