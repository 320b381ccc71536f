"""Settings shared by the unit tests and the notebooks nbval executes.

Environment variables set here are inherited by every Jupyter kernel that
nbval starts, so the notebooks run the same way under test everywhere.
"""

import os
import tempfile

# A wrong solution in an exercise notebook must fail the test run.
os.environ["SCO_COURSE_STRICT_CHECKS"] = "1"
# Never write quiz progress into the tester's home directory.
os.environ.setdefault("SCO_COURSE_HOME", tempfile.mkdtemp(prefix="sco-course-test-home-"))
# Deterministic, offline, quiet kernels.
os.environ.setdefault("SCO_COURSE_LANG", "en")
os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
os.environ.setdefault("PYTHONHASHSEED", "0")
