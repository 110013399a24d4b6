"""AgentDesk: the workstation of a regulated debt-collection call centre, and its central API."""

__version__ = "0.1.0"
