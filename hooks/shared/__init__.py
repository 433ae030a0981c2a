<<<<<<< HEAD
"""Reading the sources that both checks/ and course/ need; imports neither of them."""
=======
"""What both families below the hooks need: reading the sources. `checks/` and `course/` import from here, never
from each other."""
>>>>>>> refs-render
