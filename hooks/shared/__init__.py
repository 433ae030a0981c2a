"""What both families below the hooks need: reading the sources (the bibliography, the question bank, the
languages). `checks/` and `course/` import from here, never from each other."""
