"""Production: everything from the environment, static files hashed.

HTTPS (SSL redirect, HSTS, the proxy's scheme header), the CSP, login lockout and
the shared cache are set in base.py; dev.py and test.py relax what needs HTTPS.
"""

from .base import *  # noqa: F403

DEBUG = False
