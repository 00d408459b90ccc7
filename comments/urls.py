from django.urls import path

from . import views

app_name = "comments"

urlpatterns = [
    path("news/<slug:slug>/comment/", views.PostCommentView.as_view(), name="post"),
    path("comments/<int:pk>/report/", views.ReportView.as_view(), name="report"),
    path("commenter/sign-in/<str:token>/", views.SignInView.as_view(), name="sign-in"),
    path("commenter/sign-out/", views.SignOutView.as_view(), name="sign-out"),
    path("commenter/comments/", views.MyCommentsView.as_view(), name="mine"),
]
