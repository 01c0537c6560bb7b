from tests.factories import OcopCertificateFactory, ProductPageFactory


def test_product_page_renders_price_and_badge(site_root, client):
    product = ProductPageFactory(price_vnd=125000, unit="kg")
    OcopCertificateFactory(product=product, stars=4)
    response = client.get(product.url)
    assert response.status_code == 200
