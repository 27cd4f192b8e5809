"""The `thidua` command line: parse input, call one library function, render its result."""
