import os

from django.core.wsgi import get_wsgi_application

from coopnews.startup import load_settings_or_exit

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coopnews.settings")
load_settings_or_exit()
application = get_wsgi_application()
