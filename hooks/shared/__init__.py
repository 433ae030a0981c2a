"""What both families below the hooks need: reading the sources. `checks/` and `course/` import from here, never
from each other."""
