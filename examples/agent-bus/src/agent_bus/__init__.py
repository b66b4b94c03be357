"""agent_bus: a message bus for agents (a miniature)."""
