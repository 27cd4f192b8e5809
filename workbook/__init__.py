"""thidua's library: schema, reading/writing, rules, scoring, shortlist, reports, consolidation.

Never imports Click or xlwings and never prints: every public function returns a result object.
"""

__version__ = "0.1.0"
