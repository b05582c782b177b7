"""The SEN2 person-level return (COLLECT Blade CSV export or DfE's XML), read, checked and pseudonymised."""
