"""Word documents: the narrative report of a moment and the proposal dossier drafts."""

from .dossier import DossierResult, write_dossier
from .narrative import Narrative, write_narrative

__all__ = ["DossierResult", "Narrative", "write_dossier", "write_narrative"]
