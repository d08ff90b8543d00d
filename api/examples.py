"""Realistic example documents for the OpenAPI schema, the docs, the tests and the benchmark."""

from __future__ import annotations

import copy
from typing import Any

LISTING: dict[str, Any] = {
    "kind": "listing",
    "id": "L-1002",
    "date": "2026-11-20",
    "markets": ["DE"],
    "marketplace": "amazon.de",
    "title": "Die BESTE Bluetooth Box – Nr. 1 in Deutschland",
    "description": "Testsieger! Wasserdicht nach IPX7.",
    "brand": "SoundMax",
    "model": "SM-200",
    "images": ["https://img.example.com/sm200.jpg"],
    "price": {"amount": 39.9, "currency": "EUR"},
    "attributes": {
        "radio": True,
        "wireless": ["bluetooth"],
        "battery": "li-ion",
        "battery_included": True,
    },
    "manufacturer": {
        "name": "Shenzhen SoundMax Technology Co., Ltd.",
        "address": "Bao'an District, Shenzhen, Guangdong",
        "email": "support@soundmax.example",
        "country": "CN",
    },
}

CLEAN_LISTING: dict[str, Any] = {
    "kind": "listing",
    "id": "L-1001",
    "date": "2026-11-20",
    "markets": ["DE", "FR"],
    "marketplace": "amazon.de",
    "title": "Edelstahl Trinkflasche 750 ml, auslaufsicher",
    "description": "Doppelwandig isoliert, hält 12 Stunden kalt. Jetzt bestellen!",
    "brand": "Acme",
    "model": "WB-750",
    "gtin": "4006381333931",
    "images": ["https://img.example.com/wb750.jpg"],
    "price": {"amount": 24.9, "currency": "EUR"},
    "manufacturer": {
        "name": "Acme Bottles GmbH",
        "address": "Hauptstr. 1, 10115 Berlin",
        "email": "safety@acme-bottles.example",
        "country": "DE",
    },
}

ORDER: dict[str, Any] = {
    "kind": "order",
    "id": "O-2002",
    "date": "2026-11-21",
    "marketplace": "own-shop",
    "seller": {"name": "Shenzhen Gadgets Ltd", "country": "CN"},
    "buyer": {"type": "b2c", "country": "FR"},
    "ship_from_country": "CN",
    "shipping_address": {
        "name": "Marie Dupont",
        "address": "1 rue de Rivoli",
        "city": "Paris",
        "country": "FR",
    },
    "items": [
        {
            "sku": "TAB-9",
            "title": "Android tablet",
            "quantity": 1,
            "unit_price": {"amount": 219, "currency": "EUR"},
        }
    ],
    "goods_value": {"amount": 219, "currency": "EUR"},
    "ioss_number": "IM2500012345",
    "vat_charged": True,
}

SHIPMENT: dict[str, Any] = {
    "kind": "shipment",
    "id": "S-3002",
    "date": "2026-11-22",
    "origin_country": "CN",
    "destination_country": "DE",
    "mode": "post",
    "incoterm": "DAP",
    "consignee": {
        "name": "Max Muster",
        "address": "Hauptstr. 5",
        "city": "Berlin",
        "country": "DE",
    },
    "items": [
        {
            "description": "Power bank 10000 mAh",
            "hs_code": "850760",
            "quantity": 1,
            "dangerous_goods": {"un_number": "UN3480"},
        }
    ],
    "invoice": {"total_quantity": 1},
    "packing_list": {"total_quantity": 1, "net_weight_kg": 0.3, "gross_weight_kg": 0.4},
}

DOCUMENTS: dict[str, dict[str, Any]] = {"listing": LISTING, "order": ORDER, "shipment": SHIPMENT}


def document(kind: str) -> dict[str, Any]:
    """A fresh copy of the example document of ``kind``."""
    return copy.deepcopy(DOCUMENTS[kind])
