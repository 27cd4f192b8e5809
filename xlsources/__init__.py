"""Everything Excel runs: ribbon XML, VBA sources, the .xlsm builder and the macro entry points."""
