"""The WSGI application that `pmprep serve` hands to waitress."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pmprep.web.settings")
application = get_wsgi_application()
