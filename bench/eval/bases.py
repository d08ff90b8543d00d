"""Compliant base documents for the evaluation set, one per kind, product and market.

Written from the law briefs (/work/shared/brief/regulations.md, regulations-2.md, product.md)
and the document schemas (rules/schema/*.json, docs/documents.md), never from the rule packs:
each base carries what the briefs say a compliant document shows for its market (manufacturer
with postal and electronic address, EU responsible person for a non-EU manufacturer, picture,
model and GTIN, warnings in the destination language, CE with the acts of the product family,
EPR numbers, IOSS / UK VAT / GST at sale, consignee IDs, HS codes of the destination's length,
matching invoice, packing list and air waybill). Cases derive from a base by one change.
"""

from __future__ import annotations

import copy
from typing import Any

# -- identifiers with valid check digits -------------------------------------------------------


def gtin13(stem12: str) -> str:
    """An EAN-13 with its check digit."""
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(stem12))
    return stem12 + str((10 - total % 10) % 10)


def cpf(stem9: str) -> str:
    """A Brazilian CPF with both mod-11 check digits."""
    digits = [int(d) for d in stem9]
    for n in (10, 11):
        s = sum(d * w for d, w in zip(digits, range(n, 1, -1), strict=False))
        r = (s * 10) % 11
        digits.append(0 if r == 10 else r)
    return "".join(map(str, digits))


def cn_ric(stem17: str) -> str:
    """A Chinese resident identity card number with its ISO 7064 MOD 11-2 check character."""
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    s = sum(int(d) * w for d, w in zip(stem17, weights, strict=True))
    return stem17 + "10X98765432"[s % 11]


def rut(stem: str) -> str:
    """A Chilean RUT with its mod-11 check character (K for 10)."""
    s, w = 0, 2
    for d in reversed(stem):
        s += int(d) * w
        w = 2 if w == 7 else w + 1
    dv = 11 - s % 11
    return f"{stem}-{'0' if dv == 11 else 'K' if dv == 10 else dv}"


def tckn(stem9: str) -> str:
    """A Turkish identity number (TCKN) with its two check digits."""
    d = [int(x) for x in stem9]
    d10 = ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10
    d11 = (sum(d) + d10) % 10
    return stem9 + str(d10) + str(d11)


# -- parties -----------------------------------------------------------------------------------

MFR_CN_AUDIO = {
    "name": "Shenzhen Lumen Audio Technology Co., Ltd.",
    "trade_name": "Lumen",
    "address": "Building 5, 18 Keji South Road, Nanshan District",
    "city": "Shenzhen",
    "postal_code": "518057",
    "country": "CN",
    "email": "compliance@lumen-audio.cn",
    "phone": "+86 755 8600 1234",
}
MFR_CN_TOYS = {
    "name": "Ningbo Little Oak Toys Co., Ltd.",
    "trade_name": "Little Oak",
    "address": "No. 66 Yinzhou Avenue",
    "city": "Ningbo",
    "postal_code": "315100",
    "country": "CN",
    "email": "safety@littleoaktoys.cn",
    "phone": "+86 574 8800 2211",
}
MFR_CN_TEXTILE = {
    "name": "Hangzhou Linen Garden Apparel Co., Ltd.",
    "address": "228 Wenyi West Road, Xihu District",
    "city": "Hangzhou",
    "postal_code": "310012",
    "country": "CN",
    "email": "qa@linengarden.cn",
}
MFR_DE_CERAMIC = {
    "name": "Keramikwerkstatt Lindner GmbH",
    "address": "Töpferweg 12",
    "city": "Höhr-Grenzhausen",
    "postal_code": "56203",
    "country": "DE",
    "email": "info@keramik-lindner.de",
    "phone": "+49 2624 123456",
}
MFR_US_COSMETIC = {
    "name": "Cedar Bay Botanicals LLC",
    "address": "410 Pine Street, Suite 200",
    "city": "Portland",
    "postal_code": "97204",
    "country": "US",
    "email": "safety@cedarbaybotanicals.com",
    "phone": "+1 503 555 0142",
    "url": "https://cedarbaybotanicals.com/adverse-events",
}
RP_DE = {
    "name": "EuroRep Compliance GmbH",
    "address": "Friedrichstraße 68",
    "city": "Berlin",
    "postal_code": "10117",
    "country": "DE",
    "email": "gpsr@eurorep-compliance.de",
    "phone": "+49 30 2345 6789",
}
SELLER_CN = {
    "name": "Shenzhen Brightway E-commerce Co., Ltd.",
    "address": "Room 1508, Tower B, 3 Shenhai Road",
    "city": "Shenzhen",
    "postal_code": "518000",
    "country": "CN",
    "email": "support@brightway-shop.cn",
    "established_in": ["CN"],
}
SELLER_DE = {
    "name": "Gartenliebe Handels GmbH",
    "address": "Lindenallee 4",
    "city": "Hamburg",
    "postal_code": "20095",
    "country": "DE",
    "email": "service@gartenliebe.de",
    "vat_id": "DE811907980",
    "established_in": ["DE"],
}

LANG = {
    "DE": "de",
    "AT": "de",
    "FR": "fr",
    "BE": "fr",
    "IT": "it",
    "NL": "nl",
    "ES": "es",
    "PL": "pl",
    "SE": "sv",
    "IE": "en",
    "XI": "en",
    "GB": "en",
    "US": "en",
    "AU": "en",
    "NZ": "en",
    "CA": "en",
    "SG": "en",
    "IN": "en",
    "JP": "ja",
    "CN": "zh",
    "KR": "ko",
    "CH": "de",
    "NO": "no",
    "BR": "pt",
    "MX": "es",
    "CZ": "cs",
    "TH": "th",
    "TR": "tr",
    "CL": "es",
    "MY": "en",
    "SA": "ar",
    "RU": "ru",
}
EU = {
    "AT",
    "BE",
    "BG",
    "HR",
    "CY",
    "CZ",
    "DK",
    "EE",
    "FI",
    "FR",
    "DE",
    "GR",
    "HU",
    "IE",
    "IT",
    "LV",
    "LT",
    "LU",
    "MT",
    "NL",
    "PL",
    "PT",
    "RO",
    "SK",
    "SI",
    "ES",
    "SE",
}
EU_GOODS = EU | {"XI"}
MARKETPLACE = {
    "DE": "amazon.de",
    "FR": "amazon.fr",
    "IT": "amazon.it",
    "NL": "bol.com",
    "ES": "amazon.es",
    "PL": "allegro.pl",
    "SE": "own-shop",
    "IE": "own-shop",
    "BE": "own-shop",
    "AT": "own-shop",
    "XI": "own-shop",
    "GB": "own-shop",
    "US": "own-shop",
    "JP": "rakuten.co.jp",
    "CN": "tmall.hk",
    "KR": "coupang.com",
    "AU": "own-shop",
    "NZ": "own-shop",
    "IN": "own-shop",
    "SG": "own-shop",
    "CH": "own-shop",
    "NO": "own-shop",
    "BR": "own-shop",
    "CA": "own-shop",
}
CURRENCY = {
    "GB": "GBP",
    "XI": "GBP",
    "US": "USD",
    "JP": "JPY",
    "CN": "CNY",
    "KR": "KRW",
    "AU": "AUD",
    "NZ": "NZD",
    "IN": "INR",
    "SG": "SGD",
    "CH": "CHF",
    "NO": "NOK",
    "BR": "BRL",
    "CA": "CAD",
    "MX": "MXN",
    "TR": "TRY",
    "CL": "CLP",
    "MY": "MYR",
    "SA": "SAR",
    "RU": "RUB",
    "PL": "PLN",
    "SE": "SEK",
}

# Legal-guarantee notice (Implementing Reg. (EU) 2025/1960, from 27 Sep 2026), per language.
GUARANTEE = {
    "de": "Gesetzliche Gewährleistung: Nach EU-Recht haften wir mindestens 2 Jahre für "
    "Vertragswidrigkeiten (harmonisierter Hinweis zur gesetzlichen Gewährleistung).",
    "fr": "Garantie légale de conformité : en droit de l'UE, vous bénéficiez d'au moins 2 ans "
    "de garantie légale (avis harmonisé sur la garantie légale).",
    "it": "Garanzia legale di conformità: secondo il diritto UE hai almeno 2 anni di garanzia "
    "legale (avviso armonizzato sulla garanzia legale).",
    "nl": "Wettelijke garantie: volgens EU-recht heeft u minstens 2 jaar wettelijke garantie "
    "(geharmoniseerde kennisgeving over de wettelijke garantie).",
    "es": "Garantía legal de conformidad: según el Derecho de la UE dispone de al menos 2 años "
    "de garantía legal (aviso armonizado de garantía legal).",
    "pl": "Rękojmia: zgodnie z prawem UE przysługuje co najmniej 2-letnia ustawowa gwarancja "
    "zgodności (zharmonizowana informacja o gwarancji prawnej).",
    "sv": "Lagstadgad garanti: enligt EU-rätten har du minst 2 års lagstadgad garanti "
    "(harmoniserat meddelande om lagstadgad garanti).",
    "en": "Legal guarantee: under EU law you have a legal guarantee of conformity of at least "
    "2 years (harmonised legal guarantee notice).",
}

# Battery and speaker warnings per language (GPSR 19(d); Batteries Reg. safety information).
SPEAKER_WARNING = {
    "de": "Warnung: Eingebauter Lithium-Ionen-Akku. Nicht öffnen, nicht erhitzen, nicht ins "
    "Feuer werfen. Hohe Lautstärke kann das Gehör schädigen.",
    "fr": "Avertissement : batterie lithium-ion intégrée. Ne pas ouvrir, ne pas chauffer, ne "
    "pas jeter au feu. Un volume élevé peut endommager l'audition.",
    "it": "Avvertenza: batteria agli ioni di litio integrata. Non aprire, non riscaldare, non "
    "gettare nel fuoco. Un volume elevato può danneggiare l'udito.",
    "nl": "Waarschuwing: ingebouwde lithium-ionbatterij. Niet openen, niet verhitten, niet in "
    "vuur gooien. Hoog volume kan het gehoor beschadigen.",
    "es": "Advertencia: batería de iones de litio integrada. No abrir, no calentar, no arrojar "
    "al fuego. Un volumen alto puede dañar el oído.",
    "pl": "Ostrzeżenie: wbudowany akumulator litowo-jonowy. Nie otwierać, nie podgrzewać, nie "
    "wrzucać do ognia. Wysoka głośność może uszkodzić słuch.",
    "sv": "Varning: inbyggt litiumjonbatteri. Öppna inte, värm inte, kasta inte i eld. Hög "
    "volym kan skada hörseln.",
    "en": "Warning: built-in lithium-ion battery. Do not open, heat or dispose of in fire. High "
    "volume can damage hearing.",
    "ja": "警告：リチウムイオン電池内蔵。分解、加熱、火中投入をしないでください。",
    "ko": "경고: 리튬이온 배터리 내장. 분해, 가열, 화기 투입 금지.",
    "zh": "警告：内置锂离子电池。请勿拆解、加热或投入火中。",
}
TOY_WARNING = {
    "de": "Achtung: Nicht für Kinder unter 36 Monaten geeignet. Enthält verschluckbare "
    "Kleinteile. Erstickungsgefahr.",
    "fr": "Attention : ne convient pas aux enfants de moins de 36 mois. Petits éléments. "
    "Danger d'étouffement.",
    "it": "Avvertenza: non adatto a bambini di età inferiore a 36 mesi. Piccole parti. "
    "Pericolo di soffocamento.",
    "nl": "Waarschuwing: niet geschikt voor kinderen jonger dan 36 maanden. Kleine onderdelen. "
    "Verstikkingsgevaar.",
    "es": "Advertencia: no apto para niños menores de 36 meses. Piezas pequeñas. Peligro de "
    "asfixia.",
    "pl": "Ostrzeżenie: nieodpowiednie dla dzieci poniżej 36 miesięcy. Małe części. "
    "Niebezpieczeństwo zadławienia.",
    "sv": "Varning: Inte lämplig för barn under 36 månader. Små delar. Kvävningsrisk.",
    "en": "Warning: Not suitable for children under 36 months. Small parts. Choking hazard.",
}
US_CHOKING = "WARNING: CHOKING HAZARD -- Small parts. Not for children under 3 yrs."

DESCRIPTIONS = {
    "speaker": {
        "de": "Tragbarer Bluetooth-5.3-Lautsprecher mit 10 W, spritzwassergeschützt (IPX5), "
        "bis zu 12 Stunden Wiedergabe. Laden über USB-C (5-10 W, kein USB PD); Ladegerät nicht "
        "im Lieferumfang (Piktogramm: Ladegerät nicht enthalten). Symbol der durchgestrichenen "
        "Mülltonne auf dem Gerät.",
        "fr": "Enceinte Bluetooth 5.3 portable de 10 W, résistante aux éclaboussures (IPX5), "
        "jusqu'à 12 heures d'écoute. Charge par USB-C (5-10 W, sans USB PD) ; chargeur non "
        "inclus (pictogramme : chargeur non fourni). Symbole de la poubelle barrée sur le produit.",
        "it": "Altoparlante Bluetooth 5.3 portatile da 10 W, resistente agli spruzzi (IPX5), fino "
        "a 12 ore di riproduzione. Ricarica tramite USB-C (5-10 W, senza USB PD); caricabatterie "
        "non incluso (pittogramma: caricabatterie non incluso). Simbolo del bidone barrato.",
        "nl": "Draagbare Bluetooth 5.3-luidspreker van 10 W, spatwaterdicht (IPX5), tot 12 uur "
        "afspelen. Opladen via USB-C (5-10 W, geen USB PD); oplader niet inbegrepen "
        "(pictogram: oplader niet inbegrepen). Symbool van de doorgekruiste vuilnisbak.",
        "es": "Altavoz Bluetooth 5.3 portátil de 10 W, resistente a salpicaduras (IPX5), hasta "
        "12 horas de reproducción. Carga por USB-C (5-10 W, sin USB PD); cargador no incluido "
        "(pictograma: cargador no incluido). Símbolo del contenedor tachado.",
        "pl": "Przenośny głośnik Bluetooth 5.3 o mocy 10 W, odporny na zachlapania (IPX5), do 12 "
        "godzin odtwarzania. Ładowanie przez USB-C (5-10 W, bez USB PD); ładowarka nie jest "
        "dołączona (piktogram). Symbol przekreślonego kosza.",
        "sv": "Bärbar Bluetooth 5.3-högtalare på 10 W, stänkskyddad (IPX5), upp till 12 timmars "
        "uppspelning. Laddas via USB-C (5-10 W, ingen USB PD); laddare ingår inte (piktogram).",
        "en": "Portable 10 W Bluetooth 5.3 speaker, splash resistant (IPX5), up to 12 hours of "
        "playback. Charges over USB-C (5-10 W, no USB PD); charger not included (pictogram: "
        "charger not included). Crossed-out wheeled bin symbol on the product.",
        "ja": "10WのポータブルBluetooth 5.3スピーカー。防滴（IPX5）、最大12時間再生。USB-C充電。",
        "ko": "10W 휴대용 블루투스 5.3 스피커, 생활방수(IPX5), 최대 12시간 재생. USB-C 충전.",
        "zh": "10瓦便携式蓝牙5.3音箱，防溅水（IPX5），续航长达12小时。USB-C充电。",
    },
    "pot": {
        "de": "Handgefertigter Pflanztopf aus glasiertem Steinzeug, 15 cm Durchmesser, mit "
        "Abflussloch und Untersetzer. Nicht frostfest.",
        "fr": "Pot de fleurs fait main en grès émaillé, 15 cm de diamètre, avec trou de drainage "
        "et soucoupe. Ne résiste pas au gel.",
        "it": "Vaso fatto a mano in gres smaltato, diametro 15 cm, con foro di drenaggio e "
        "sottovaso. Non resistente al gelo.",
        "nl": "Handgemaakte bloempot van geglazuurd steengoed, 15 cm doorsnede, met afvoergat en "
        "schotel. Niet vorstbestendig.",
        "es": "Maceta hecha a mano de gres esmaltado, 15 cm de diámetro, con agujero de drenaje y "
        "plato. No resiste las heladas.",
        "pl": "Ręcznie robiona doniczka z glazurowanej kamionki, średnica 15 cm, z otworem "
        "odpływowym i podstawką. Nie jest mrozoodporna.",
        "sv": "Handgjord kruka i glaserat stengods, 15 cm i diameter, med dräneringshål och fat.",
        "en": "Handmade glazed stoneware plant pot, 15 cm diameter, with drainage hole and "
        "saucer. Not frost proof.",
        "ja": "施釉ストーンウェアの手作り植木鉢、直径15cm、排水穴と受け皿付き。",
        "ko": "유약 석기 수제 화분, 지름 15cm, 배수 구멍과 받침 포함.",
        "zh": "手工釉面炻器花盆，直径15厘米，带排水孔和托盘。",
    },
    "toy": {
        "de": "Holz-Steckpuzzle mit 12 bunten Formen aus Buchenholz, wasserbasierte Farben. Ab "
        "3 Jahren.",
        "fr": "Puzzle à encastrer en bois de hêtre avec 12 formes colorées, peintures à l'eau. "
        "Dès 3 ans.",
        "it": "Puzzle a incastro in legno di faggio con 12 forme colorate, vernici ad acqua. Da "
        "3 anni.",
        "nl": "Houten vormenpuzzel van beukenhout met 12 gekleurde vormen, verf op waterbasis. "
        "Vanaf 3 jaar.",
        "es": "Puzle encajable de madera de haya con 12 formas de colores, pinturas al agua. A "
        "partir de 3 años.",
        "pl": "Drewniana układanka z drewna bukowego z 12 kolorowymi kształtami, farby wodne. Od "
        "3 lat.",
        "sv": "Pussel i bokträ med 12 färgglada former, vattenbaserade färger. Från 3 år.",
        "en": "Beech-wood shape puzzle with 12 colourful pieces, water-based paints. Ages 3 and "
        "up.",
    },
    "tshirt": {
        "de": "T-Shirt aus 100 % Baumwolle, Rundhalsausschnitt, Größen S-XXL. Waschbar bei 40 °C.",
        "fr": "T-shirt 100 % coton, col rond, tailles S à XXL. Lavable à 40 °C.",
        "it": "T-shirt 100% cotone, girocollo, taglie S-XXL. Lavabile a 40 °C.",
        "nl": "T-shirt van 100% katoen, ronde hals, maten S-XXL. Wasbaar op 40 °C.",
        "es": "Camiseta 100 % algodón, cuello redondo, tallas S-XXL. Lavable a 40 °C.",
        "pl": "Koszulka ze 100% bawełny, okrągły dekolt, rozmiary S-XXL. Pranie w 40 °C.",
        "sv": "T-shirt i 100 % bomull, rund hals, storlek S-XXL.",
        "en": "T-shirt, 100% cotton, crew neck, sizes S-XXL. Machine wash at 40 °C.",
    },
}
TITLES = {
    "speaker": {
        "de": "Lumen BX-20 Bluetooth-Lautsprecher, tragbar, 10 W, IPX5",
        "fr": "Lumen BX-20 enceinte Bluetooth portable 10 W IPX5",
        "it": "Lumen BX-20 altoparlante Bluetooth portatile 10 W IPX5",
        "nl": "Lumen BX-20 draagbare Bluetooth-luidspreker 10 W IPX5",
        "es": "Lumen BX-20 altavoz Bluetooth portátil 10 W IPX5",
        "pl": "Lumen BX-20 przenośny głośnik Bluetooth 10 W IPX5",
        "sv": "Lumen BX-20 bärbar Bluetooth-högtalare 10 W IPX5",
        "en": "Lumen BX-20 Portable Bluetooth Speaker, 10 W, IPX5",
        "ja": "Lumen BX-20 ポータブル Bluetooth スピーカー 10W IPX5",
        "ko": "Lumen BX-20 휴대용 블루투스 스피커 10W IPX5",
        "zh": "Lumen BX-20 便携式蓝牙音箱 10W IPX5",
    },
    "pot": {
        "de": "Pflanztopf aus Steinzeug, 15 cm, mit Untersetzer, salbeigrün",
        "fr": "Pot de fleurs en grès 15 cm avec soucoupe, vert sauge",
        "it": "Vaso in gres 15 cm con sottovaso, verde salvia",
        "nl": "Bloempot van steengoed 15 cm met schotel, saliegroen",
        "es": "Maceta de gres 15 cm con plato, verde salvia",
        "pl": "Doniczka z kamionki 15 cm z podstawką, szałwiowa zieleń",
        "sv": "Kruka i stengods 15 cm med fat, salviagrön",
        "en": "Stoneware Plant Pot 15 cm with Saucer, Sage",
        "ja": "ストーンウェア植木鉢 15cm 受け皿付き",
        "ko": "석기 화분 15cm 받침 포함",
        "zh": "炻器花盆 15厘米 带托盘",
    },
    "toy": {
        "de": "Little Oak Holz-Steckpuzzle, 12 Formen, ab 3 Jahren",
        "fr": "Little Oak puzzle à encastrer en bois, 12 formes, dès 3 ans",
        "it": "Little Oak puzzle a incastro in legno, 12 forme, da 3 anni",
        "nl": "Little Oak houten vormenpuzzel, 12 vormen, vanaf 3 jaar",
        "es": "Little Oak puzle encajable de madera, 12 formas, desde 3 años",
        "pl": "Little Oak drewniana układanka, 12 kształtów, od 3 lat",
        "sv": "Little Oak formpussel i trä, 12 former, från 3 år",
        "en": "Little Oak Wooden Shape Puzzle, 12 Pieces, Ages 3+",
    },
    "tshirt": {
        "de": "Linen Garden Herren-T-Shirt, 100 % Baumwolle, Rundhals, marineblau",
        "fr": "Linen Garden t-shirt homme 100 % coton, col rond, bleu marine",
        "it": "Linen Garden t-shirt uomo 100% cotone, girocollo, blu navy",
        "nl": "Linen Garden heren T-shirt, 100% katoen, ronde hals, marineblauw",
        "es": "Linen Garden camiseta de hombre 100 % algodón, cuello redondo, azul marino",
        "pl": "Linen Garden męska koszulka 100% bawełna, okrągły dekolt, granatowa",
        "sv": "Linen Garden herr-t-shirt, 100 % bomull, rund hals, marinblå",
        "en": "Linen Garden Men's Crew Neck T-Shirt, 100% Cotton, Navy",
    },
}


def _cert(
    scheme: str,
    legislation: list[str] | None = None,
    standards: list[str] | None = None,
    **more: Any,
) -> dict[str, Any]:
    out: dict[str, Any] = {"type": scheme}
    if scheme in ("CE", "UKCA"):
        out["document"] = "declaration_of_conformity"
    if legislation:
        out["legislation"] = legislation
    if standards:
        out["standards"] = standards
    out.update(more)
    return out


SPEAKER_CE = _cert(
    "CE",
    ["2014/53/EU", "2011/65/EU", "(EU) 2023/1542", "Delegated Regulation (EU) 2022/30"],
    [
        "EN 300 328 V2.2.2",
        "EN 301 489-17 V3.2.4",
        "EN 62368-1:2020",
        "EN 18031-1:2024",
        "EN IEC 63000:2018",
    ],
    id="DoC-BX20-2026",
    issued_by="Shenzhen Lumen Audio Technology Co., Ltd.",
    url="https://lumen-audio.cn/doc/BX-20.pdf",
)
SPEAKER_UKCA = _cert(
    "UKCA",
    ["Radio Equipment Regulations 2017", "RoHS Regulations 2012"],
    ["EN 300 328 V2.2.2", "EN 62368-1:2020"],
    id="UKDoC-BX20-2026",
    issued_by="Shenzhen Lumen Audio Technology Co., Ltd.",
)
TOY_CE = _cert(
    "CE",
    ["2009/48/EC"],
    ["EN 71-1:2014+A1:2018", "EN 71-2:2020", "EN 71-3:2019+A2:2024"],
    id="DoC-LO-SP12",
    issued_by="Ningbo Little Oak Toys Co., Ltd.",
)
TOY_CPC = {
    "type": "CPC",
    "document": "certificate",
    "id": "CPC-LO-SP12-2026",
    "legislation": ["ASTM F963-23", "16 CFR 1303", "15 USC 1278a"],
    "lab": {"name": "Intertek Testing Services Shenzhen", "number": "1004", "country": "CN"},
    "issued_by": "Ningbo Little Oak Toys Co., Ltd.",
}
SPEAKER_BATTERY = {
    "chemistry": "li-ion",
    "packing": "in_equipment",
    "count": 1,
    "cells": 1,
    "watt_hours": 7.4,
    "capacity_mah": 2000,
    "voltage_v": 3.7,
    "removable": False,
    "un_number": "UN3481",
}

REG_DE = {"lucid_de": "DE4712345678901"}
REG_DE_EEE = {
    "lucid_de": "DE4712345678901",
    "weee_de": "WEEE-Reg.-Nr. DE 12345678",
    "battery_de": "DE 21234567",
}
IDU_FR = {
    "pot": [{"stream": "packaging", "idu": "FR234567_01ABCD"}],
    "speaker": [
        {"stream": "packaging", "idu": "FR234567_01ABCD"},
        {"stream": "eee", "idu": "FR234567_02BCDE"},
        {"stream": "batteries", "idu": "FR234567_03CDEF"},
    ],
    "toy": [
        {"stream": "packaging", "idu": "FR234567_01ABCD"},
        {"stream": "toys", "idu": "FR234567_04DEFA"},
    ],
    "tshirt": [
        {"stream": "packaging", "idu": "FR234567_01ABCD"},
        {"stream": "textiles", "idu": "FR234567_05EFAB"},
    ],
}


def listing(product: str, market: str, date: str = "2026-11-02", **over: Any) -> dict[str, Any]:
    """A compliant listing of ``product`` for ``market`` on ``date``."""
    lang = LANG.get(market, "en")
    text_lang = lang if lang in DESCRIPTIONS.get(product, {}) else "en"
    eu = market in EU_GOODS
    doc: dict[str, Any] = {
        "kind": "listing",
        "id": f"{product}-{market.lower()}",
        "date": date,
        "markets": [market],
        "marketplace": MARKETPLACE.get(market, "own-shop"),
        "language": text_lang,
    }
    cur = CURRENCY.get(market, "EUR")
    if product == "speaker":
        doc.update(
            title=TITLES["speaker"][text_lang],
            description=DESCRIPTIONS["speaker"][text_lang],
            brand="Lumen",
            model="BX-20",
            category="Electronics > Audio > Portable Speakers",
            hs_code="851822",
            gtin=gtin13("694123450012"),
            price={"amount": 39.9, "currency": cur},
            images=["https://cdn.lumen-audio.cn/bx20/front.jpg"],
            warning_texts=[{"text": SPEAKER_WARNING[text_lang], "language": text_lang}],
            attributes={
                "radio": True,
                "wireless": ["bluetooth"],
                "electrical": True,
                "battery": "li-ion",
                "battery_included": True,
                "packaging": True,
            },
            batteries=[dict(SPEAKER_BATTERY)],
            manufacturer=dict(MFR_CN_AUDIO),
        )
        certs: list[dict[str, Any]] = []
        if eu:
            certs.append(copy.deepcopy(SPEAKER_CE))
        if market == "GB":
            certs += [copy.deepcopy(SPEAKER_CE), copy.deepcopy(SPEAKER_UKCA)]
        if market == "US":
            doc["fcc_id"] = "2A4XY-BX20"
            certs.append(_cert("FCC", ["47 CFR Part 15"], id="2A4XY-BX20"))
        if market == "JP":
            certs += [
                _cert("TELEC", id="R 201-260123"),
                _cert("PSE", id="PSE-LB-2026-0456", issued_by="Shenzhen Lumen Audio"),
            ]
        if market == "KR":
            certs.append(_cert("KC", id="R-R-LMN-BX20", document="registration"))
        if market == "CN":
            certs.append(_cert("CCC", id="2026011606123456", document="certificate"))
        if market in ("AU", "NZ"):
            certs.append(_cert("RCM", id="RCM-SUP-E2601234"))
        if market == "IN":
            certs.append(
                _cert(
                    "BIS",
                    id="R-41012345",
                    document="registration",
                    standards=["IS 13252 (Part 1):2010"],
                )
            )
        doc["certifications"] = certs
    elif product == "pot":
        doc.update(
            title=TITLES["pot"][text_lang],
            description=DESCRIPTIONS["pot"][text_lang],
            brand="Lindner Keramik",
            model="PT-15-SG",
            category="Home & Garden > Planters",
            hs_code="691390",
            gtin=gtin13("426012345678"),
            price={"amount": 24.5, "currency": cur},
            images=["https://cdn.keramik-lindner.de/pt15/sage.jpg"],
            attributes={"electrical": False, "battery": "none", "packaging": True},
            manufacturer=dict(MFR_DE_CERAMIC),
        )
    elif product == "toy":
        doc.update(
            title=TITLES["toy"][text_lang],
            description=DESCRIPTIONS["toy"][text_lang],
            brand="Little Oak",
            model="LO-SP12",
            category="Toys & Games > Puzzles > Shape Puzzles",
            hs_code="950300",
            gtin=gtin13("694987650034"),
            batch="LOT 2026-09-B",
            price={"amount": 14.99, "currency": cur},
            images=["https://cdn.littleoaktoys.cn/sp12/main.jpg"],
            attributes={
                "children_product": True,
                "min_age_years": 3,
                "small_parts": True,
                "electrical": False,
                "battery": "none",
                "packaging": True,
            },
            manufacturer=dict(MFR_CN_TOYS),
        )
        if market == "US":
            doc["warning_texts"] = [{"text": US_CHOKING, "language": "en"}]
            doc["certifications"] = [copy.deepcopy(TOY_CPC)]
        else:
            doc["warning_texts"] = [{"text": TOY_WARNING[text_lang], "language": text_lang}]
            doc["certifications"] = [copy.deepcopy(TOY_CE)]
    elif product == "tshirt":
        doc.update(
            title=TITLES["tshirt"][text_lang],
            description=DESCRIPTIONS["tshirt"][text_lang],
            brand="Linen Garden",
            model="LG-CREW-NV",
            category="Clothing > Men > T-Shirts",
            hs_code="610910",
            gtin=gtin13("694555120078"),
            price={"amount": 12.9, "currency": cur},
            images=["https://cdn.linengarden.cn/crew/navy.jpg"],
            attributes={"electrical": False, "battery": "none", "packaging": True},
            manufacturer=dict(MFR_CN_TEXTILE),
        )
        if market == "US":
            doc["description"] += " Fiber content: 100% cotton. Imported."
    else:
        raise ValueError(product)
    if market == "US" and product == "speaker":
        pass
    if eu and doc["manufacturer"]["country"] not in EU:
        doc["eu_responsible_person"] = dict(RP_DE)
    if eu and date >= "2026-09-27":
        doc["description"] += " " + GUARANTEE.get(text_lang, GUARANTEE["en"])
    if market == "DE":
        doc["registrations"] = dict(REG_DE_EEE if product == "speaker" else REG_DE)
    if market == "FR":
        doc["registrations"] = {"idu_fr": copy.deepcopy(IDU_FR[product])}
    doc["seller"] = dict(SELLER_DE if product == "pot" else SELLER_CN)
    for path, value in over.items():
        setp(doc, path, value)
    return doc


# -- orders ------------------------------------------------------------------------------------

CONSENT_OK = {
    "purpose": "marketing_email",
    "given": True,
    "method": "checkbox_unticked",
    "given_at": "2026-10-01T09:14:03Z",
    "text_version": "newsletter-consent-v4",
    "channel": "checkout",
    "bundled_with_order": False,
    "covers_several_purposes": False,
    "opt_out_offered": True,
    "source": "own_signup",
}

ADDRESS = {
    "DE": ("Anna Schmidt", "Bergstraße 14", "München", "80331"),
    "FR": ("Camille Martin", "12 rue des Lilas", "Lyon", "69003"),
    "IT": ("Giulia Rossi", "Via Garibaldi 21", "Torino", "10122"),
    "NL": ("Sanne de Vries", "Keizersgracht 101", "Amsterdam", "1015 CJ"),
    "ES": ("Lucía García", "Calle Mayor 5", "Madrid", "28013"),
    "PL": ("Anna Kowalska", "ul. Długa 3", "Gdańsk", "80-827"),
    "SE": ("Elin Johansson", "Drottninggatan 40", "Stockholm", "111 51"),
    "IE": ("Aoife Byrne", "14 Grafton Street", "Dublin", "D02 VF25"),
    "BE": ("Lucas Peeters", "Rue Neuve 8", "Bruxelles", "1000"),
    "AT": ("Lukas Huber", "Mariahilfer Straße 20", "Wien", "1070"),
    "XI": ("Ciara Kelly", "22 Botanic Avenue", "Belfast", "BT7 1JQ"),
    "GB": ("Oliver Brown", "18 Kings Road", "London", "SW3 4RP"),
    "US": ("Emily Johnson", "745 Market Street", "Denver", "80202"),
    "AU": ("Jack Wilson", "12 George Street", "Sydney", "2000"),
    "NZ": ("Olivia Smith", "55 Queen Street", "Auckland", "1010"),
    "CA": ("Liam Tremblay", "200 Bay Street", "Toronto", "M5J 2J1"),
    "CH": ("Laura Meier", "Bahnhofstrasse 10", "Zürich", "8001"),
    "NO": ("Nora Hansen", "Karl Johans gate 15", "Oslo", "0154"),
    "SG": ("Tan Wei Ling", "10 Anson Road", "Singapore", "079903"),
    "MY": ("Nur Aisyah", "Jalan Ampang 88", "Kuala Lumpur", "50450"),
    "JP": ("Sato Yui", "1-2-3 Shibuya", "Tokyo", "150-0002"),
    "KR": ("Kim Minji", "123 Teheran-ro, Gangnam-gu", "Seoul", "06133"),
    "CN": ("Wang Fang", "88 Huaihai Road", "Shanghai", "200031"),
    "BR": ("Ana Souza", "Avenida Paulista 1000", "São Paulo", "01310-100"),
    "CL": ("Camila Rojas", "Avenida Providencia 1200", "Santiago", "7500000"),
    "TR": ("Elif Yılmaz", "İstiklal Caddesi 50", "İstanbul", "34430"),
    "IN": ("Priya Sharma", "14 MG Road", "Bengaluru", "560001"),
    "MX": ("Sofía Hernández", "Avenida Reforma 222", "Ciudad de México", "06600"),
    "SA": ("Fatimah Al-Harbi", "King Fahd Road 300", "Riyadh", "12271"),
    "RU": ("Ivan Petrov", "Tverskaya 7", "Moscow", "125009"),
    "CZ": ("Jan Novák", "Vodičkova 1", "Praha", "110 00"),
    "TH": ("Somchai Srisuk", "88 Silom Road", "Bangkok", "10500"),
    "UA": ("Olena Kovalenko", "Khreshchatyk 22", "Kyiv", "01001"),
    "CU": ("Carlos Pérez", "Calle 23 No. 105", "La Habana", "10400"),
    "IR": ("Reza Ahmadi", "Valiasr Street 1200", "Tehran", "1968"),
    "KP": ("Kim Chol", "Sungri Street", "Pyongyang", "00000"),
    "SY": ("Omar Haddad", "Baghdad Street 5", "Damascus", "0000"),
}
IOSS_MARKETPLACE = "IM2760000017"
IOSS_SELLER = "IM3720001234"  # IM + member-state code (372, Ireland) + 7 digits

# Consignee identifiers the destination requires (regulations.md section 10).
CONSIGNEE_ID = {
    "KR": ("P123456789012", "kr_pccc"),
    "BR": (cpf("123456789"), "br_cpf"),
    "CN": (cn_ric("31010419900307281"), "cn_ric"),
    "CL": (rut("12345678"), "cl_rut"),
    "TR": (tckn("123456789"), "tr_tckn"),
    "IN": ("ABCPS1234K", "in_pan"),
}


def person(market: str, **extra: Any) -> dict[str, Any]:
    name, street, city, postal = ADDRESS[market]
    out = {
        "name": name,
        "address": street,
        "city": city,
        "postal_code": postal,
        "country": market,
        "email": "buyer@example.net",
        "type": "b2c",
    }
    out.update(extra)
    return out


# VAT or GST at sale per market for a low-value import sold through a marketplace.
def vat_at_sale(market: str, amount: float, cur: str) -> dict[str, Any]:
    rates = {
        "DE": 19,
        "FR": 20,
        "IT": 22,
        "NL": 21,
        "ES": 21,
        "PL": 23,
        "SE": 25,
        "IE": 23,
        "BE": 21,
        "AT": 20,
        "XI": 20,
        "GB": 20,
        "AU": 10,
        "NZ": 15,
        "SG": 9,
        "NO": 25,
        "CH": 8.1,
        "MY": 10,
        "CZ": 21,
    }
    rate = rates[market]
    scheme = (
        "ioss"
        if market in EU
        else "uk_vat"
        if market in ("GB",)
        else "ioss"
        if market == "XI"
        else "marketplace"
    )
    return {
        "scheme": scheme,
        "amount": {"amount": round(amount * rate / 100, 2), "currency": cur},
        "rate_percent": rate,
        "collected_by": "marketplace",
        "collected_at": "checkout",
        "deemed_supplier": True,
    }


ORDER_GOODS = {
    "pot": ("PT-15-SG", "Stoneware plant pot 15 cm with saucer", "691390"),
    "speaker": ("BX-20", "Lumen BX-20 portable Bluetooth speaker", "851822"),
    "mug": ("MG-350", "Ceramic coffee mug 350 ml", "691200"),
}


def order(
    market: str, value: float = 45.0, date: str = "2026-11-02", goods: str = "mug", **over: Any
) -> dict[str, Any]:
    """A compliant B2C order shipped to ``market``: a non-EU seller, goods shipped from China
    through a marketplace that collects VAT/GST at sale where the destination's low-value regime
    says so, marketing consent freely given with its evidence, no excess personal data."""
    cur = CURRENCY.get(market, "EUR")
    sku, title, hs = ORDER_GOODS[goods]
    doc: dict[str, Any] = {
        "kind": "order",
        "id": f"ord-{market.lower()}",
        "date": date,
        "marketplace": "marketplace.example",
        "marketplace_facilitates": True,
        "seller": dict(SELLER_CN),
        "buyer": person(market),
        "ship_from_country": "CN",
        "shipping_address": person(market),
        "items": [
            {
                "sku": sku,
                "title": title,
                "quantity": 1,
                "unit_price": {"amount": value, "currency": cur},
                "hs_code": hs,
            }
        ],
        "goods_value": {"amount": value, "currency": cur},
        "shipping_cost": {"amount": 4.9, "currency": cur},
        "total": {"amount": value + 4.9, "currency": cur},
        "consents": [dict(CONSENT_OK)],
    }
    if market in EU_GOODS:
        doc["ioss_number"] = IOSS_MARKETPLACE
        doc["vat_charged"] = True
        doc["vat_collection"] = vat_at_sale(market, value, cur)
    elif market in ("GB", "AU", "NZ", "SG", "NO", "CH", "MY"):
        doc["vat_charged"] = True
        doc["vat_collection"] = vat_at_sale(market, value, cur)
    elif market == "US":
        doc["vat_collection"] = {
            "scheme": "marketplace",
            "amount": {"amount": round(value * 0.0775, 2), "currency": "USD"},
            "rate_percent": 7.75,
            "collected_by": "marketplace",
            "collected_at": "checkout",
        }
    else:
        # import duty and tax at the border, paid by the buyer to the carrier (DAP)
        doc["vat_collection"] = {
            "scheme": "import_vat",
            "collected_by": "carrier",
            "collected_at": "delivery",
        }
    if market in CONSIGNEE_ID:
        nid, typ = CONSIGNEE_ID[market]
        doc["personal_data"] = {
            "national_id": nid,
            "national_id_type": typ,
            "purposes": ["customs_clearance"],
            "retention_days": 90,
            "deleted_after_clearance": True,
        }
        doc["shipping_address"]["tax_id"] = nid
        doc["shipping_address"]["tax_id_type"] = typ
        if market == "CN":
            doc["consents"].append(
                {
                    "purpose": "sensitive_data",
                    "method": "checkbox_unticked",
                    "given_at": "2026-11-02T08:00:00Z",
                    "text_version": "pipl-id-v2",
                    "channel": "checkout",
                    "bundled_with_order": False,
                }
            )
            doc["consents"].append(
                {
                    "purpose": "cross_border_transfer",
                    "method": "checkbox_unticked",
                    "given_at": "2026-11-02T08:00:00Z",
                    "text_version": "pipl-xfer-v2",
                    "channel": "checkout",
                    "bundled_with_order": False,
                }
            )
    for path, value_ in over.items():
        setp(doc, path, value_)
    return doc


# -- shipments ---------------------------------------------------------------------------------

HS_BY_DEST = {
    # regulations.md DOC.HS_LENGTH: HS 6; EU CN 8 / TARIC 10; US HTSUS 10; UK import 10; CN 10
    # (the EU bases give the 10-digit TARIC code, which satisfies both EU readings)
    "mug": {
        "EU": "6912002310",
        "US": "6912004400",
        "GB": "6912002390",
        "CN": "6912001000",
        "*": "691200",
    },
    "speaker": {
        "EU": "8518220000",
        "US": "8518220000",
        "GB": "8518220000",
        "CN": "8518220000",
        "*": "851822",
    },
    "tshirt": {
        "EU": "6109100010",
        "US": "6109100012",
        "GB": "6109100010",
        "CN": "6109100010",
        "*": "610910",
    },
    "toy": {
        "EU": "9503009990",
        "US": "9503000073",
        "GB": "9503009990",
        "CN": "9503008900",
        "*": "950300",
    },
}
SHIP_GOODS = {
    "mug": ("MG-350", "Ceramic coffee mugs, 350 ml, stoneware", 4, "pcs", 32.0, 1.6, 2.0),
    "speaker": (
        "BX-20",
        "Portable Bluetooth speaker with built-in Li-ion battery",
        1,
        "pcs",
        39.9,
        0.45,
        0.6,
    ),
    "tshirt": ("LG-CREW-NV", "Men's knitted T-shirts, 100% cotton", 3, "pcs", 38.7, 0.6, 0.7),
    "toy": ("LO-SP12", "Wooden shape puzzles for children aged 3+", 2, "pcs", 29.98, 0.8, 1.0),
}


def hs_for(goods: str, dest: str) -> str:
    table = HS_BY_DEST[goods]
    if dest in EU_GOODS:
        return table["EU"]
    return table.get(dest, table["*"])


def shipment(dest: str, goods: str = "mug", date: str = "2026-11-02", **over: Any) -> dict:
    """A compliant B2C express shipment from China to ``dest``."""
    cur = CURRENCY.get(dest, "EUR")
    sku, desc, qty, unit, value, net, gross = SHIP_GOODS[goods]
    if dest == "US":
        cur = "USD"
    doc: dict[str, Any] = {
        "kind": "shipment",
        "id": f"shp-{goods}-{dest.lower()}",
        "date": date,
        "origin_country": "CN",
        "destination_country": dest,
        "mode": "express",
        "carrier": "DHL Express",
        "incoterm": "DAP",
        "b2c": True,
        "consignee": person(dest),
        "exporter": dict(SELLER_CN),
        "declared_value": {"amount": value, "currency": cur},
        "items": [
            {
                "sku": sku,
                "description": desc,
                "hs_code": hs_for(goods, dest),
                "quantity": qty,
                "unit": unit,
                "value": {"amount": value, "currency": cur},
                "net_weight_kg": net,
                "gross_weight_kg": gross,
                "origin_country": "CN",
            }
        ],
        "packages": [
            {
                "id": "1",
                "type": "carton",
                "dimensions": {"length": 25, "width": 20, "height": 15, "unit": "cm"},
                "gross_weight": {"value": gross, "unit": "kg"},
                "lines": [1],
            }
        ],
        "invoice": {
            "number": f"INV-{dest}-2611",
            "total_value": {"amount": value, "currency": cur},
            "total_quantity": qty,
            "net_weight_kg": net,
            "gross_weight_kg": gross,
        },
        "packing_list": {
            "total_quantity": qty,
            "packages": 1,
            "net_weight_kg": net,
            "gross_weight_kg": gross,
            "lines": [
                {
                    "line": 1,
                    "sku": sku,
                    "description": desc,
                    "quantity": qty,
                    "unit": unit,
                    "net_weight_kg": net,
                    "gross_weight_kg": gross,
                    "packages": 1,
                }
            ],
        },
        "air_waybill": {
            "number": "176-12345675",
            "type": "house",
            "pieces": 1,
            "gross_weight": {"value": gross, "unit": "kg"},
            "chargeable_weight": {"value": max(gross, 1.5), "unit": "kg"},
        },
    }
    # 25 x 20 x 15 cm / 5000 = 1.5 kg volumetric (express divisor), above the actual weight.
    if dest in EU:
        doc["incoterm"] = "DDP"
        doc["ioss_number"] = IOSS_MARKETPLACE
    if dest in CONSIGNEE_ID:
        nid, typ = CONSIGNEE_ID[dest]
        doc["consignee"]["tax_id"] = nid
        doc["consignee"]["tax_id_type"] = typ
    if dest == "AU":
        doc["exporter"]["tax_id"] = "123456789012"
        doc["exporter"]["tax_id_type"] = "au_arn"
    if dest == "SA":
        doc["licences"] = [
            {
                "type": "saber_scoc",
                "number": "SCoC-2026-1102-77881",
                "issuing_authority": "SASO",
                "issuing_country": "SA",
            }
        ]
    if goods == "speaker":
        doc["dangerous_goods"] = [
            {
                "line": 1,
                "un_number": "UN3481",
                "proper_shipping_name": "Lithium ion batteries contained in equipment",
                "class": "9",
                "packing_instruction": "PI967",
                "section": "II",
                "packing": "in_equipment",
                "watt_hours": 7.4,
                "cells": 1,
                "batteries": 1,
                "state_of_charge_percent": 30,
                "net_weight_kg": 0.05,
                "un38_3_test_summary": True,
                "lithium_battery_mark": False,
            }
        ]
    for path, value_ in over.items():
        setp(doc, path, value_)
    return doc


# -- editing -----------------------------------------------------------------------------------

DELETE = object()


def setp(doc: dict[str, Any], path: str, value: Any) -> None:
    """Set (or with DELETE remove) a dotted path; numeric parts index lists."""
    parts = path.replace("__", ".").split(".")
    node: Any = doc
    for part in parts[:-1]:
        node = node[int(part)] if isinstance(node, list) else node.setdefault(part, {})
    last = parts[-1]
    if isinstance(node, list):
        if value is DELETE:
            del node[int(last)]
        else:
            node[int(last)] = value
    elif value is DELETE:
        node.pop(last, None)
    else:
        node[last] = value


def edit(doc: dict[str, Any], **changes: Any) -> dict[str, Any]:
    out = copy.deepcopy(doc)
    for path, value in changes.items():
        setp(out, path, value)
    return out
