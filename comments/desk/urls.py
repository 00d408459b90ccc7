"""The desk's addresses (under the language prefix: /moderation/, /en/moderation/).

Never cached anywhere: the pages carry commenters' e-mail addresses and change with
every decision.
"""

from django.urls import path, re_path
from django.views.decorators.cache import never_cache

from . import views

app_name = "desk"

urlpatterns = [
    path("", never_cache(views.DeskView.as_view()), name="queue"),
    path("<int:pk>/decide/", views.DecideView.as_view(), name="decide"),
    path("<int:pk>/standing/", views.StandingView.as_view(), name="standing"),
    re_path(
        r"^all/(?P<decision>approve|reject)/$", never_cache(views.BulkView.as_view()), name="bulk"
    ),
    path("domains/", views.DomainRuleView.as_view(), name="domain_rule"),
    path("domains/<int:pk>/delete/", views.DomainRuleDeleteView.as_view(), name="domain_delete"),
]
