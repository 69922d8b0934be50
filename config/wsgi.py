import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
# A serving process: settings refuse to start without DJANGO_SECRET_KEY when DEBUG is off.
os.environ["UDBHABON_SERVING"] = "1"
application = get_wsgi_application()
