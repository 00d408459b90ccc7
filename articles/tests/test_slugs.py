from articles.models import Article
from articles.slugs import turkish_slugify


def test_turkish_letters_are_folded_and_apostrophes_join_words():
    assert turkish_slugify("Çanakkale'de şiddetli yağış") == "canakkalede-siddetli-yagis"
    assert turkish_slugify("IĞDIR'DA İLK KAR ÖĞLEN DÜŞTÜ") == "igdirda-ilk-kar-oglen-dustu"
    assert turkish_slugify("Kırıkkale’nin ışıkları") == "kirikkalenin-isiklari"


def test_slug_is_made_from_the_headline_and_stays_unique(make_article):
    first = make_article(headline="Ağrı Dağı'na tırmanış")
    second = make_article(headline="Ağrı Dağı'na tırmanış")
    assert first.slug == "agri-dagina-tirmanis"
    assert second.slug == "agri-dagina-tirmanis-2"
    assert Article.objects.filter(slug__startswith="agri").count() == 2
