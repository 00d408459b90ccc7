from django.urls import path, re_path

from . import views

app_name = "desk"

urlpatterns = [
    path("", views.DeskView.as_view(), name="queue"),
    path("<int:pk>/decide/", views.DecideView.as_view(), name="decide"),
    path("<int:pk>/standing/", views.StandingView.as_view(), name="standing"),
    re_path(r"^all/(?P<decision>approve|reject)/$", views.BulkView.as_view(), name="bulk"),
    path("domains/", views.DomainRuleView.as_view(), name="domain_rule"),
    path("domains/<int:pk>/delete/", views.DomainRuleDeleteView.as_view(), name="domain_delete"),
]
