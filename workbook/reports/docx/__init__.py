"""Word documents: the narrative report of a moment and the proposal dossier drafts."""
from .narrative import Narrative, write_narrative

__all__ = ["Narrative", "write_narrative"]
