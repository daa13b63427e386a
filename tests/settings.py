"""Settings for the test suite: the real settings, with a throw-away data folder.

The environment is set here, before pmprep's settings read it, so no test touches a real
user's data folder whatever order pytest's plugins load in.
"""

import os
import tempfile

os.environ["PMPREP_HOME"] = tempfile.mkdtemp(prefix="pmprep-test-home-")
os.environ.setdefault("PMPREP_SECRET_KEY", "test-secret-key-that-is-long-enough-0123456789-abcdefghijklmnop")
# The suite sends hundreds of sign-ups and API calls from one address (the servers it starts inherit
# this too); tests/web/test_throttling.py sets the limits it counts against.
os.environ.setdefault("PMPREP_API_RATE", "100000/m")
os.environ.setdefault("PMPREP_SIGNUP_RATE", "100000/m")

from pmprep.web.settings import *  # noqa: E402,F403
