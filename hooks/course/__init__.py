"""Course data and the generators built on it: plain functions over page sources, used by the hooks and tests."""
