"""Builds ``claimreview_sample.jsonld``: invented fact-checks in ten languages.

Every claim, title and publisher here was written for the tests (publishers are invented,
links use the reserved ``.example`` domain). The records show the rating styles real
publishers use: a plain label, "LABEL: explanation", "Label. explanation", underscores,
a known word with a number on the publisher's own scale, a number alone on the common
1-5 scale, a number alone on an unknown scale, labels nobody maps, a Person author, one
article reviewing two claims, a long rating, and dates with a named zone or no offset.

Run ``python tests/claims/data/build_claimreview_sample.py`` to write the file again.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent

# (language, publisher, site, [(claim, rating, extra rating fields)])
PUBLISHERS: list[tuple[str, str, str, list[tuple[str, str, dict[str, Any]]]]] = [
    (
        "en",
        "Harbour Fact Desk",
        "harbourfacts.example",
        [
            ("A city council banned umbrellas on rainy days.", "False", {}),
            ("Drinking seawater cures the common cold.", "Pants on Fire!", {}),
            ("The river bridge was closed for ten years.", "Cherry Picks", {}),
            ("The mayor doubled the bus fares overnight.", "False Context", {}),
            ("The new stadium cost three times the budget.", "Three Pinocchios", {}),
            ("School lunches were cut in half last spring.", "Not the whole story", {}),
            ("The old lighthouse was sold to a private buyer.", "really_false", {}),
            (
                "Tap water in the harbour district is safe to drink.",
                "TRUE: the utility's tests show it",
                {},
            ),
            (
                "The ferry timetable changed in March.",
                "",
                {"ratingValue": 4, "bestRating": 5, "worstRating": 1},
            ),
            ("The harbour tunnel will open next month.", "Explainer", {}),
        ],
    ),
    (
        "vi",
        "Ban Kiểm chứng Sông Xanh",
        "songxanh.example",
        [
            ("Tỉnh sẽ phát tiền mặt cho mọi hộ dân vào cuối tuần này.", "Sai sự thật", {}),
            ("Nước giếng trong xã bị nhiễm độc nặng.", "Chưa có căn cứ", {}),
            ("Trường học nghỉ cả tháng vì dịch cúm.", "Không có bằng chứng", {}),
            ("Cầu mới rút ngắn quãng đường 20 km.", "Đúng, nhưng thiếu bối cảnh", {}),
            ("Giá điện tăng gấp ba từ tháng sau.", "SAI: giá điện chỉ điều chỉnh 3%", {}),
            ("Chợ huyện đóng cửa vĩnh viễn.", "Gây hiểu lầm. Chợ chỉ sửa chữa hai tuần", {}),
            ("Bệnh viện tỉnh có thêm 200 giường.", "Đúng", {}),
        ],
    ),
    (
        "es",
        "Verifica Sur",
        "verificasur.example",
        [
            (
                "El gobierno regalará teléfonos a todos los estudiantes.",
                "Falso",
                {"ratingValue": 4, "bestRating": 6, "worstRating": 1},
            ),
            ("La presa del norte está a punto de romperse.", "Engañoso", {}),
            (
                "El agua del grifo contiene plástico peligroso.",
                "FALSO: los análisis no lo muestran",
                {},
            ),
            ("La vacuna se aplica en una sola dosis.", "Verdadero", {}),
            ("Los precios del pan subieron un 50% en un mes.", "Exagerado", {}),
            ("La ciudad prohibió los coches los domingos.", "Sin evidencia", {}),
        ],
    ),
    (
        "pt",
        "Checa Rio Verde",
        "checarioverde.example",
        [
            ("A prefeitura vai cobrar taxa para usar a praia.", "Falso", {}),
            (
                "As imagens mostram a enchente deste ano.",
                "FALSO: As imagens são de uma enchente antiga",
                {},
            ),
            ("O novo hospital tem 500 leitos.", "Enganoso", {}),
            ("O salário mínimo subiu em janeiro.", "Verdadeiro", {}),
            ("A escola estadual fechou por falta de verba.", "Insustentável", {}),
            ("O prefeito inaugurou a ponte duas vezes.", "Distorcido", {}),
        ],
    ),
    (
        "fr",
        "Vérif Estuaire",
        "verifestuaire.example",
        [
            ("La mairie interdit les vélos dans le centre.", "Faux", {}),
            ("Le pont sera fermé pendant deux ans.", "Trompeur", {}),
            ("Le lait de la coopérative est contaminé.", "Faux. Les contrôles sont négatifs", {}),
            ("Le nouveau tramway transporte 10 000 personnes par jour.", "Plutôt vrai", {}),
            ("La préfecture a annulé toutes les fêtes de l'été.", "Infondé", {}),
            ("Le musée devient gratuit le dimanche.", "Vrai", {}),
        ],
    ),
    (
        "de",
        "Faktencheck Nordufer",
        "nordufer-fakten.example",
        [
            ("Die Stadt schaltet nachts alle Straßenlaternen ab.", "Falsch", {}),
            ("Das Leitungswasser enthält gefährliche Keime.", "Irreführend", {}),
            ("Der Bahnhof wird im Sommer geschlossen.", "Fehlender Kontext", {}),
            ("Die Mieten sind um 80 Prozent gestiegen.", "Größtenteils falsch", {}),
            ("Das Schwimmbad öffnet wieder im Mai.", "Richtig", {}),
            ("Der Bürgermeister hat den Rücktritt erklärt.", "Unbelegt", {}),
        ],
    ),
    (
        "ar",
        "منصة تحقق الواحة",
        "wahacheck.example",
        [
            ("الحكومة ستوزع سيارات مجانية على الشباب.", "خطأ", {}),
            ("صورة الفيضان التقطت هذا الأسبوع.", "مضلل", {}),
            ("المدارس ستغلق لمدة شهر كامل.", "زائف", {}),
            ("افتتاح مستشفى جديد في المدينة.", "صحيح", {}),
            ("ارتفاع أسعار الخبز إلى الضعف.", "مُبالغ فيه", {}),
            ("الماء في الحي ملوث بالكامل.", "غير مؤكد", {}),
        ],
    ),
    (
        "zh-Hant",
        "島嶼查核中心",
        "islandcheck.example",
        [
            ("政府將發放每人一萬元現金。", "錯誤", {}),
            ("這張颱風照片是今年拍的。", "部分錯誤：照片攝於多年前", {}),
            ("喝熱水可以預防所有疾病。", "錯誤。沒有研究支持", {}),
            ("新捷運線下個月通車。", "正確", {}),
            ("市場將全面禁止塑膠袋。", "事實釐清", {}),
        ],
    ),
    (
        "zh-Hans",
        "江畔核查",
        "jiangpancheck.example",
        [
            ("本市将免费发放电动车。", "错误", {}),
            ("这段视频拍摄于本周的洪水。", "误导", {}),
            ("学校将推迟一个月开学。", "谣言", {}),
            ("新公园本周末开放。", "正确", {}),
        ],
    ),
    (
        "hi",
        "सत्य जाँच मंच",
        "satyajaanch.example",
        [
            ("सरकार हर परिवार को मुफ्त फोन देगी।", "गलत", {}),
            ("यह बाढ़ का वीडियो इसी हफ्ते का है।", "भ्रामक", {}),
            ("नदी का पानी पीने से बुखार ठीक होता है।", "झूठ", {}),
            ("नया अस्पताल अगले महीने खुलेगा।", "सच", {}),
            ("शहर में सभी स्कूल एक महीने बंद रहेंगे।", "फ़र्ज़ी", {}),
            ("बस किराया दोगुना हो गया है।", "आंशिक रूप से सच", {}),
        ],
    ),
    (
        "id",
        "Cek Fakta Nusantara Contoh",
        "cekfakta-contoh.example",
        [
            ("Pemerintah membagikan motor gratis untuk pelajar.", "Salah", {}),
            ("Foto banjir ini diambil minggu lalu.", "Menyesatkan", {}),
            ("Minum air kelapa menyembuhkan demam berdarah.", "Hoaks", {}),
            ("Jembatan baru dibuka untuk umum.", "Benar", {}),
            ("Harga beras naik tiga kali lipat.", "Konteks yang salah", {}),
            ("Sekolah diliburkan selama sebulan.", "Disinformasi", {}),
        ],
    ),
]

LONG_RATING = (
    "Misleading: the figure quoted is the total for five years, not for one year, and it "
    "leaves out the money returned to the city, so the claim gives a wrong picture of the "
    "yearly spending even though the headline number itself appears in the budget report."
)


def record(
    language: str,
    publisher: str,
    site: str,
    n: int,
    claim: str,
    rating: str,
    numbers: dict[str, Any],
) -> dict[str, Any]:
    review: dict[str, Any] = {"@type": "Rating", **numbers}
    if rating:
        review["alternateName"] = rating
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"https://{site}/checks/{n}",
        "claimReviewed": claim,
        "datePublished": f"2026-0{1 + n % 9}-1{n % 10}",
        "inLanguage": language,
        "author": {"@type": "Organization", "name": publisher, "url": f"https://{site}/"},
        "reviewRating": review,
    }


def build() -> list[dict[str, Any]]:
    records = []
    for language, publisher, site, rows in PUBLISHERS:
        for n, (claim, rating, numbers) in enumerate(rows, start=1):
            records.append(record(language, publisher, site, n, claim, rating, numbers))
    debate = "https://harbourfacts.example/checks/council-debate"
    for claim, rating in (
        ("The council spent more on parties than on parks.", "False"),
        ("Crime in the harbour district fell by half.", "Half true"),
    ):
        node = record("en", "Harbour Fact Desk", "harbourfacts.example", 0, claim, rating, {})
        node["url"] = debate
        node["datePublished"] = "Wed, 11 Mar 2026 01:05:52 UTC +00:00"
        node["author"] = {
            "@type": "Person",
            "name": "Jo Example",
            "url": "https://harbourfacts.example/staff/jo",
        }
        records.append(node)
    long_one = record(
        "en",
        "Harbour Fact Desk",
        "harbourfacts.example",
        90,
        "The city spends 40 million a year on road signs.",
        LONG_RATING,
        {},
    )
    long_one["datePublished"] = "2026-03-11T09:30:00"
    records.append(long_one)
    alone = record(
        "en",
        "Harbour Fact Desk",
        "harbourfacts.example",
        91,
        "The port handles a million containers a month.",
        "",
        {"ratingValue": 7, "bestRating": 9},
    )
    records.append(alone)
    return records


if __name__ == "__main__":
    data = build()
    target = HERE / "claimreview_sample.jsonld"
    target.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(data)} records -> {target}")
