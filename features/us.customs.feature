Feature: us.customs - entry data without de minimis, origin marking, forced-labour import ban
  Since 29 August 2025 no shipment into the US gets section 321 (USD 800) de minimis relief (EO
  14324, continued by the EO of 20 February 2026; CBP interim final rules of 24 June 2026); for
  commercial shipments the relief is repealed by statute from 1 July 2027 (OBBBA, P.L. 119-21).
  Every line then needs its country of origin and its value declared, postal items included.
  Imports must be marked with their English country of origin, and goods made in Hong Kong must be
  marked "China" (19 USC 1304). Goods made wholly or partly in Xinjiang are presumed made with
  forced labour (UFLPA). The IFR Federal Register citations are M in the brief; the entry duties
  themselves are H.

  # US.CUS.NO_DEMINIMIS.ORIGIN_VALUE: US shipment line without country of origin or value while de minimis is suspended
  @US.CUS.NO_DEMINIMIS.ORIGIN_VALUE
  Scenario: Line without origin
    Given a shipment from "CN" to "US" with:
      """
      date: '2026-11-25'
      consignee: {city: Springfield}
      exporter: {name: Shenzhen Acme Co Ltd, address: 8 Keji Rd, city: Shenzhen, country: CN}
      items:
      - description: Water bottle
        hs_code: '9617001000'
        quantity: 10
        value: {amount: 80, currency: USD}
      invoice: null
      packing_list: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                             | severity | market | field                   |
      | US.CUS.NO_DEMINIMIS.ORIGIN_VALUE | block    | US     | items[0].origin_country |

  @US.CUS.NO_DEMINIMIS.ORIGIN_VALUE
  Scenario: Postal item without value
    Given a shipment from "CN" to "US" with:
      """
      date: '2026-11-25'
      mode: post
      consignee: {city: Springfield}
      exporter: {name: Shenzhen Acme Co Ltd, address: 8 Keji Rd, city: Shenzhen, country: CN}
      items:
      - {description: Cotton T-shirt, hs_code: '6109100012', quantity: 1, origin_country: CN}
      invoice: null
      packing_list: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                             | severity | market | field          |
      | US.CUS.NO_DEMINIMIS.ORIGIN_VALUE | block    | US     | items[0].value |

  @US.CUS.NO_DEMINIMIS.ORIGIN_VALUE
  Scenario: Not flagged - Origin and value declared
    Given a shipment from "CN" to "US" with:
      """
      date: '2026-11-25'
      consignee: {city: Springfield}
      exporter: {name: Shenzhen Acme Co Ltd, address: 8 Keji Rd, city: Shenzhen, country: CN}
      items:
      - description: Stainless steel water bottle
        hs_code: '9617001000'
        quantity: 10
        value: {amount: 80, currency: USD}
        origin_country: CN
      invoice: null
      packing_list: null
      """
    When it is screened
    Then there are no findings

  @US.CUS.NO_DEMINIMIS.ORIGIN_VALUE
  Scenario: Not flagged - The day before the suspension took effect
    Given a shipment from "CN" to "US" with:
      """
      date: '2026-11-25'
      consignee: {city: Springfield}
      exporter: {name: Shenzhen Acme Co Ltd, address: 8 Keji Rd, city: Shenzhen, country: CN}
      items:
      - description: Water bottle
        hs_code: '9617001000'
        quantity: 10
        value: {amount: 80, currency: USD}
      invoice: null
      packing_list: null
      """
    When it is screened as of "2025-08-28"
    Then there are no findings

  # US.CUS.NO_DEMINIMIS.ORIGIN_VALUE_2027: US shipment line without country of origin or value after the statutory repeal of de minimis
  @US.CUS.NO_DEMINIMIS.ORIGIN_VALUE_2027
  Scenario: Line without origin (2)
    Given a shipment from "CN" to "US" with:
      """
      date: '2026-11-25'
      consignee: {city: Springfield}
      exporter: {name: Shenzhen Acme Co Ltd, address: 8 Keji Rd, city: Shenzhen, country: CN}
      items:
      - description: Water bottle
        hs_code: '9617001000'
        quantity: 10
        value: {amount: 80, currency: USD}
      invoice: null
      packing_list: null
      """
    When it is screened as of "2027-07-01"
    Then the findings are exactly:
      | rule                                  | severity | market | field                   |
      | US.CUS.NO_DEMINIMIS.ORIGIN_VALUE_2027 | block    | US     | items[0].origin_country |

  @US.CUS.NO_DEMINIMIS.ORIGIN_VALUE_2027
  Scenario: Line without value
    Given a shipment from "CN" to "US" with:
      """
      date: '2026-11-25'
      consignee: {city: Springfield}
      exporter: {name: Shenzhen Acme Co Ltd, address: 8 Keji Rd, city: Shenzhen, country: CN}
      items:
      - {description: Water bottle, hs_code: '9617001000', quantity: 10, origin_country: VN}
      invoice: null
      packing_list: null
      """
    When it is screened as of "2028-01-15"
    Then the findings are exactly:
      | rule                                  | severity | market | field          |
      | US.CUS.NO_DEMINIMIS.ORIGIN_VALUE_2027 | block    | US     | items[0].value |

  @US.CUS.NO_DEMINIMIS.ORIGIN_VALUE_2027
  Scenario: Not flagged - Origin and value declared (2)
    Given a shipment from "CN" to "US" with:
      """
      date: '2026-11-25'
      consignee: {city: Springfield}
      exporter: {name: Shenzhen Acme Co Ltd, address: 8 Keji Rd, city: Shenzhen, country: CN}
      items:
      - description: Stainless steel water bottle
        hs_code: '9617001000'
        quantity: 10
        value: {amount: 80, currency: USD}
        origin_country: CN
      invoice: null
      packing_list: null
      """
    When it is screened as of "2027-07-01"
    Then there are no findings

  @US.CUS.NO_DEMINIMIS.ORIGIN_VALUE_2027
  Scenario: Not flagged - The day before the statutory repeal (the suspension rule applies instead)
    Given a shipment from "CN" to "US" with:
      """
      date: '2026-11-25'
      consignee: {city: Springfield}
      exporter: {name: Shenzhen Acme Co Ltd, address: 8 Keji Rd, city: Shenzhen, country: CN}
      items:
      - description: Water bottle
        hs_code: '9617001000'
        quantity: 10
        value: {amount: 80, currency: USD}
      invoice: null
      packing_list: null
      """
    When it is screened as of "2027-06-30"
    Then the findings are exactly:
      | rule                             | severity | market | field                   |
      | US.CUS.NO_DEMINIMIS.ORIGIN_VALUE | block    | US     | items[0].origin_country |

  # US.CBP.COO_MARKING.HONG_KONG_LISTING: US listing says the product is made in Hong Kong
  @US.CBP.COO_MARKING.HONG_KONG_LISTING
  Scenario: US listing says the product is made in Hong Kong
    Given a listing for market "US" titled "Stainless steel water bottle" with:
      """
      {brand: Acme, description: Quality watch strap. Made in Hong Kong., model: null, images: null, manufacturer: null}
      """
    When it is screened
    Then the findings are exactly:
      | rule                                 | severity | market | field       |
      | US.CBP.COO_MARKING.HONG_KONG_LISTING | warn     | US     | description |

  @US.CBP.COO_MARKING.HONG_KONG_LISTING
  Scenario: US listing says the product is made in Hong Kong (2)
    Given a listing for market "US" titled "Stainless steel water bottle" with:
      """
      brand: Acme
      bullet_points: ['Country of origin: Hong Kong', Genuine leather]
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                                 | severity | market | field            |
      | US.CBP.COO_MARKING.HONG_KONG_LISTING | warn     | US     | bullet_points[0] |

  @US.CBP.COO_MARKING.HONG_KONG_LISTING
  Scenario: Not flagged - the same listing without what the rule looks for (US.CBP.COO_MARKING.HONG_KONG_LISTING)
    Given a listing for market "US" titled "Stainless steel water bottle" with:
      """
      {brand: Acme, model: null, images: null, manufacturer: null}
      """
    When it is screened
    Then there are no findings

  @US.CBP.COO_MARKING.HONG_KONG_LISTING
  Scenario: Not flagged - Before the marking guidance was enforced
    Given a listing for market "US" titled "Stainless steel water bottle" with:
      """
      {brand: Acme, description: Made in Hong Kong, model: null, images: null, manufacturer: null}
      """
    When it is screened as of "2020-11-09"
    Then there are no findings

  # US.CBP.COO_MARKING.HONG_KONG_SHIPMENT: US shipment line described as made in Hong Kong
  @US.CBP.COO_MARKING.HONG_KONG_SHIPMENT
  Scenario: US shipment line described as made in Hong Kong
    Given a shipment from "CN" to "US" with:
      """
      date: '2026-11-25'
      consignee: {city: Springfield}
      exporter: {name: Shenzhen Acme Co Ltd, address: 8 Keji Rd, city: Shenzhen, country: CN}
      items:
      - description: Wrist watch, made in Hong Kong
        hs_code: '9102110000'
        quantity: 5
        value: {amount: 100, currency: USD}
        origin_country: HK
      invoice: null
      packing_list: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                                  | severity | market | field                |
      | US.CBP.COO_MARKING.HONG_KONG_SHIPMENT | warn     | US     | items[0].description |

  @US.CBP.COO_MARKING.HONG_KONG_SHIPMENT
  Scenario: US shipment line described as made in Hong Kong (2)
    Given a shipment from "CN" to "US" with:
      """
      date: '2026-11-25'
      consignee: {city: Springfield}
      exporter: {name: Shenzhen Acme Co Ltd, address: 8 Keji Rd, city: Shenzhen, country: CN}
      items:
      - description: Plastic toy figures, product of Hong Kong
        hs_code: '9503000090'
        quantity: 50
        value: {amount: 60, currency: USD}
        origin_country: HK
      invoice: null
      packing_list: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                                  | severity | market | field                |
      | US.CBP.COO_MARKING.HONG_KONG_SHIPMENT | warn     | US     | items[0].description |
      | US.CPSC.EFILING.MISSING               | review   | US     | items[0].hs_code     |

  @US.CBP.COO_MARKING.HONG_KONG_SHIPMENT
  Scenario: Not flagged - the same shipment without what the rule looks for (US.CBP.COO_MARKING.HONG_KONG_SHIPMENT)
    Given a shipment from "CN" to "US" with:
      """
      date: '2026-11-25'
      consignee: {city: Springfield}
      exporter: {name: Shenzhen Acme Co Ltd, address: 8 Keji Rd, city: Shenzhen, country: CN}
      items:
      - description: Stainless steel water bottle
        hs_code: '9617001000'
        quantity: 10
        value: {amount: 80, currency: USD}
        origin_country: CN
      invoice: null
      packing_list: null
      """
    When it is screened
    Then there are no findings

  @US.CBP.COO_MARKING.HONG_KONG_SHIPMENT
  Scenario: Not flagged - Near miss - Hong Kong origin code with the correct description
    Given a shipment from "CN" to "US" with:
      """
      date: '2026-11-25'
      consignee: {city: Springfield}
      exporter: {name: Shenzhen Acme Co Ltd, address: 8 Keji Rd, city: Shenzhen, country: CN}
      items:
      - description: Wrist watch
        hs_code: '9102110000'
        quantity: 5
        value: {amount: 100, currency: USD}
        origin_country: HK
      invoice: null
      packing_list: null
      """
    When it is screened
    Then there are no findings

  # US.CBP.UFLPA.XINJIANG: US shipment whose exporter or goods point to Xinjiang
  @US.CBP.UFLPA.XINJIANG
  Scenario: Exporter in Urumqi
    Given a shipment from "CN" to "US" with:
      """
      date: '2026-11-25'
      consignee: {city: Springfield}
      exporter: {name: Tianshan Textile Co, address: 12 Beijing Rd, city: Urumqi, country: CN}
      items:
      - description: Stainless steel water bottle
        hs_code: '9617001000'
        quantity: 10
        value: {amount: 80, currency: USD}
        origin_country: CN
      invoice: null
      packing_list: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                  | severity | market | field         |
      | US.CBP.UFLPA.XINJIANG | review   | US     | exporter.city |

  @US.CBP.UFLPA.XINJIANG
  Scenario: Xinjiang cotton in the description
    Given a shipment from "CN" to "US" with:
      """
      date: '2026-11-25'
      consignee: {city: Springfield}
      exporter: {name: Shenzhen Acme Co Ltd, address: 8 Keji Rd, city: Shenzhen, country: CN}
      items:
      - description: Bath towels, 100% Xinjiang cotton
        hs_code: '6302600010'
        quantity: 20
        value: {amount: 90, currency: USD}
        origin_country: CN
      invoice: null
      packing_list: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                  | severity | market | field                |
      | US.CBP.UFLPA.XINJIANG | review   | US     | items[0].description |

  @US.CBP.UFLPA.XINJIANG
  Scenario: Not flagged - the same shipment without what the rule looks for (US.CBP.UFLPA.XINJIANG)
    Given a shipment from "CN" to "US" with:
      """
      date: '2026-11-25'
      consignee: {city: Springfield}
      exporter: {name: Shenzhen Acme Co Ltd, address: 8 Keji Rd, city: Shenzhen, country: CN}
      items:
      - description: Stainless steel water bottle
        hs_code: '9617001000'
        quantity: 10
        value: {amount: 80, currency: USD}
        origin_country: CN
      invoice: null
      packing_list: null
      """
    When it is screened
    Then there are no findings

  @US.CBP.UFLPA.XINJIANG
  Scenario: Not flagged - Before UFLPA took effect
    Given a shipment from "CN" to "US" with:
      """
      date: '2026-11-25'
      consignee: {city: Springfield}
      exporter: {name: Tianshan Textile Co, address: 8 Keji Rd, city: Urumqi, country: CN}
      items:
      - description: Stainless steel water bottle
        hs_code: '9617001000'
        quantity: 10
        value: {amount: 80, currency: USD}
        origin_country: CN
      invoice: null
      packing_list: null
      """
    When it is screened as of "2022-06-20"
    Then there are no findings
