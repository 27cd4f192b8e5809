"""thidua core: reading, validating and writing campaign workbooks."""
