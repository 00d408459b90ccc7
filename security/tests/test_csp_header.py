"""The Content-Security-Policy header is django-csp's, built once (``SiteCSPMiddleware``)."""

from csp.utils import build_policy
from django.http import HttpResponse
from django.test import RequestFactory

from newsportal.headers import SiteCSPMiddleware


def test_every_response_carries_the_policy_django_csp_builds(client, make_article, settings):
    path = make_article().get_absolute_url()
    answers = [client.get(path), client.get(path), client.get("/no-such-page/")]
    assert [answer.status_code for answer in answers] == [200, 200, 404]
    assert {answer["Content-Security-Policy"] for answer in answers} == {build_policy()}
    assert "script-src 'self'" in build_policy()

    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'none'"]}}
    assert client.get(path)["Content-Security-Policy"] == "default-src 'none'"


def test_a_view_with_its_own_policy_or_a_nonce_goes_through_django_csp(settings):
    def view_with_own_policy(request):
        response = HttpResponse("ok")
        response._csp_update = {"img-src": ["https://images.example.com"]}
        return response

    def view_with_nonce(request):
        return HttpResponse(str(request.csp_nonce))

    factory = RequestFactory()
    own = SiteCSPMiddleware(view_with_own_policy)(factory.get("/"))
    assert own["Content-Security-Policy"] == build_policy(update=own._csp_update)
    assert "https://images.example.com" in own["Content-Security-Policy"]
    nonce = SiteCSPMiddleware(view_with_nonce)(factory.get("/"))
    policy = build_policy(nonce=nonce.content.decode())
    assert nonce["Content-Security-Policy"] == policy
