Feature: us.export-controls - OFAC country embargoes and EAR licence duties by destination
  Sellers or goods with a US nexus (a US seller or exporter, US-origin goods, payment in USD) may
  not ship to Cuba, Iran, North Korea, Crimea or the so-called DNR/LNR regions of Ukraine (31 CFR
  515, 560, 510; EO 13685; EO 14065). Syria's country embargo ended on 1 July 2025 (EO 14312):
  only list-based screening remains (global.denied-parties does it). Items subject to the EAR need
  a licence to Country Groups E:1 and E:2, Syria keeps a licence duty with License Exceptions SPP
  and CCD from 2 September 2025, and many items to Russia and Belarus need one even when EAR99 (15
  CFR 746.8). Limits: the documents have no region field, so Crimea and the DNR/LNR are found by
  place names in the address; the US nexus is read from the seller or exporter country, the origin
  of the goods and the currency, and when none shows the finding is a review, not a block;
  shipments carry no ECCN, and the HS-6 lists of Supplements 4, 5 and 7 to Part 746 are not kept
  as data, so a licence is asked for on every US-nexus shipment to Russia or Belarus.

  # US.OFAC.EMBARGO.ORDER: Order with a US nexus shipped to Cuba, Iran or North Korea
  @US.OFAC.EMBARGO.ORDER
  Scenario: US seller to Iran
    Given an order from "US" to "IR" with:
      """
      date: '2026-11-25'
      seller: {name: Acme Outfitters LLC, address: 1 Market St, city: Denver, country: US}
      buyer: {name: Ali Rezaei}
      shipping_address: {name: Ali Rezaei, address: 12 Vali Asr Ave, city: Tehran}
      items:
      - sku: JKT-1
        title: Rain jacket
        quantity: 1
        unit_price: {amount: 120, currency: USD}
      total: {amount: 135, currency: USD}
      goods_value: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                  | severity | market | field                                             |
      | US.OFAC.EMBARGO.ORDER | block    | IR     | seller.country, ship_from_country, total.currency |

  @US.OFAC.EMBARGO.ORDER
  Scenario: Non-US seller paid in USD, to Cuba
    Given an order from "DE" to "CU" with:
      """
      date: '2026-11-25'
      seller: {name: Acme GmbH, address: 1 Market St, city: Denver, country: DE}
      buyer: {name: Ana Perez}
      shipping_address: {name: Ana Perez, address: 12 Vali Asr Ave, city: Havana}
      items:
      - sku: JKT-1
        title: Rain jacket
        quantity: 1
        unit_price: {amount: 120, currency: USD}
      total: {amount: 135, currency: USD}
      goods_value: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                  | severity | market | field          |
      | US.OFAC.EMBARGO.ORDER | block    | CU     | total.currency |

  @US.OFAC.EMBARGO.ORDER
  Scenario: Not flagged - Near miss - Syria is no longer embargoed
    Given an order from "US" to "SY" with:
      """
      date: '2026-11-25'
      seller: {name: Acme Outfitters LLC, address: 1 Market St, city: Denver, country: US}
      buyer: {name: Omar Haddad}
      shipping_address: {name: Omar Haddad, address: 12 Vali Asr Ave, city: Damascus}
      items:
      - sku: JKT-1
        title: Rain jacket
        quantity: 1
        unit_price: {amount: 120, currency: USD}
      total: {amount: 135, currency: USD}
      goods_value: null
      """
    When it is screened
    Then there are no findings

  @US.OFAC.EMBARGO.ORDER
  Scenario: Not flagged - To Canada
    Given an order from "US" to "CA" with:
      """
      date: '2026-11-25'
      seller: {name: Acme Outfitters LLC, address: 1 Market St, city: Denver, country: US}
      buyer: {name: Jane Roe}
      shipping_address: {name: Jane Roe, address: 12 Vali Asr Ave, city: Toronto}
      items:
      - sku: JKT-1
        title: Rain jacket
        quantity: 1
        unit_price: {amount: 120, currency: USD}
      total: {amount: 135, currency: USD}
      goods_value: null
      """
    When it is screened
    Then there are no findings

  # US.OFAC.EMBARGO.ORDER_NEXUS_UNKNOWN: Order to Cuba, Iran or North Korea whose US nexus the data does not show
  @US.OFAC.EMBARGO.ORDER_NEXUS_UNKNOWN
  Scenario: Order to Cuba, Iran or North Korea whose US nexus the data does not show
    Given an order from "DE" to "IR" with:
      """
      date: '2026-11-25'
      seller: {name: Acme GmbH, address: 1 Market St, city: Denver, country: DE}
      buyer: {name: Ali Rezaei}
      shipping_address: {name: Ali Rezaei, address: 12 Vali Asr Ave, city: Tehran}
      items:
      - sku: JKT-1
        title: Rain jacket
        quantity: 1
        unit_price: {amount: 120, currency: USD}
      total: {amount: 120, currency: EUR}
      goods_value: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                                | severity | market | field                                                                   |
      | US.OFAC.EMBARGO.ORDER_NEXUS_UNKNOWN | review   | IR     | goods_value.currency, seller.country, ship_from_country, total.currency |

  @US.OFAC.EMBARGO.ORDER_NEXUS_UNKNOWN
  Scenario: Order to Cuba, Iran or North Korea whose US nexus the data does not show (2)
    Given an order from "GB" to "KP" with:
      """
      date: '2026-11-25'
      seller: {name: Acme Ltd, address: 1 Market St, city: Denver, country: GB}
      buyer: {name: Kim Chol}
      shipping_address: {name: Kim Chol, address: 12 Vali Asr Ave, city: Pyongyang}
      items:
      - sku: JKT-1
        title: Rain jacket
        quantity: 1
        unit_price: {amount: 120, currency: USD}
      goods_value: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                                | severity | market | field                                                                   |
      | US.OFAC.EMBARGO.ORDER_NEXUS_UNKNOWN | review   | KP     | goods_value.currency, seller.country, ship_from_country, total.currency |

  @US.OFAC.EMBARGO.ORDER_NEXUS_UNKNOWN
  Scenario: Not flagged - The nexus shows (the block rule applies instead)
    Given an order from "US" to "IR" with:
      """
      date: '2026-11-25'
      seller: {name: Acme Outfitters LLC, address: 1 Market St, city: Denver, country: US}
      buyer: {name: Ali Rezaei}
      shipping_address: {name: Ali Rezaei, address: 12 Vali Asr Ave, city: Tehran}
      items:
      - sku: JKT-1
        title: Rain jacket
        quantity: 1
        unit_price: {amount: 120, currency: USD}
      total: {amount: 135, currency: USD}
      goods_value: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                  | severity | market | field                                             |
      | US.OFAC.EMBARGO.ORDER | block    | IR     | seller.country, ship_from_country, total.currency |

  @US.OFAC.EMBARGO.ORDER_NEXUS_UNKNOWN
  Scenario: Not flagged - Near miss - EU seller to Iraq
    Given an order from "DE" to "IQ" with:
      """
      date: '2026-11-25'
      seller: {name: Acme GmbH, address: 1 Market St, city: Denver, country: DE}
      buyer: {name: Ali Hassan}
      shipping_address: {name: Ali Hassan, address: 12 Vali Asr Ave, city: Baghdad}
      items:
      - sku: JKT-1
        title: Rain jacket
        quantity: 1
        unit_price: {amount: 120, currency: USD}
      total: {amount: 120, currency: EUR}
      goods_value: null
      """
    When it is screened
    Then there are no findings

  # US.OFAC.EMBARGO.SHIPMENT: Shipment with a US nexus to Cuba, Iran or North Korea
  @US.OFAC.EMBARGO.SHIPMENT
  Scenario: From the US to Iran
    Given a shipment from "US" to "IR" with:
      """
      date: '2026-11-25'
      exporter: {name: Acme Outfitters LLC, address: 1 Market St, city: Denver, country: US}
      consignee: {name: Ali Rezaei, address: 12 Vali Asr Ave, city: Tehran}
      items:
      - description: Rain jacket
        hs_code: '6201400000'
        quantity: 1
        value: {amount: 120, currency: USD}
        origin_country: US
      incoterm: null
      invoice: null
      packing_list: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                       | severity | market | field                                                               |
      | US.EAR.E_GROUPS.NO_LICENCE | review   | IR     | exporter.country, items[0].origin_country, licences, origin_country |
      | US.OFAC.EMBARGO.SHIPMENT   | block    | IR     | exporter.country, items[0].origin_country, origin_country           |

  @US.OFAC.EMBARGO.SHIPMENT
  Scenario: US-origin goods re-exported from Germany to Cuba
    Given a shipment from "DE" to "CU" with:
      """
      date: '2026-11-25'
      exporter: {name: Acme GmbH, address: 1 Market St, city: Denver, country: DE}
      consignee: {name: Ana Perez, address: 12 Vali Asr Ave, city: Havana}
      items:
      - description: Rain jacket
        hs_code: '6201400000'
        quantity: 1
        value: {amount: 120, currency: EUR}
        origin_country: US
      incoterm: null
      invoice: null
      packing_list: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                       | severity | market | field                             |
      | US.EAR.E_GROUPS.NO_LICENCE | review   | CU     | items[0].origin_country, licences |
      | US.OFAC.EMBARGO.SHIPMENT   | block    | CU     | items[0].origin_country           |

  @US.OFAC.EMBARGO.SHIPMENT
  Scenario: Not flagged - Near miss - to Syria after the programme ended
    Given a shipment from "US" to "SY" with:
      """
      date: '2026-11-25'
      exporter: {name: Acme Outfitters LLC, address: 1 Market St, city: Denver, country: US}
      consignee: {name: Omar Haddad, address: 12 Vali Asr Ave, city: Damascus}
      items:
      - description: Rain jacket
        hs_code: '6201400000'
        quantity: 1
        value: {amount: 120, currency: USD}
        origin_country: US
      incoterm: null
      invoice: null
      packing_list: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                         | severity | market | field                                                               |
      | US.EAR.SYRIA.NO_LICENCE_2025 | review   | SY     | exporter.country, items[0].origin_country, licences, origin_country |

  @US.OFAC.EMBARGO.SHIPMENT
  Scenario: Not flagged - No US nexus shown
    Given a shipment from "DE" to "IR" with:
      """
      date: '2026-11-25'
      exporter: {name: Acme GmbH, address: 1 Market St, city: Denver, country: DE}
      consignee: {name: Ali Rezaei, address: 12 Vali Asr Ave, city: Tehran}
      items:
      - description: Rain jacket
        hs_code: '6201400000'
        quantity: 1
        value: {amount: 120, currency: EUR}
        origin_country: DE
      incoterm: null
      invoice: null
      packing_list: null
      """
    When it is screened
    Then there are no findings

  # US.OFAC.EMBARGO.SYRIA_UNTIL_2025: Shipment with a US nexus to Syria while the Syrian Sanctions Regulations applied
  @US.OFAC.EMBARGO.SYRIA_UNTIL_2025
  Scenario: Shipment with a US nexus to Syria while the Syrian Sanctions Regulations applied
    Given a shipment from "US" to "SY" with:
      """
      date: '2026-11-25'
      exporter: {name: Acme Outfitters LLC, address: 1 Market St, city: Denver, country: US}
      consignee: {name: Omar Haddad, address: 12 Vali Asr Ave, city: Damascus}
      items:
      - description: Rain jacket
        hs_code: '6201400000'
        quantity: 1
        value: {amount: 120, currency: USD}
        origin_country: US
      incoterm: null
      invoice: null
      packing_list: null
      """
    When it is screened as of "2025-06-30"
    Then the findings are exactly:
      | rule                             | severity | market | field                                                               |
      | US.EAR.SYRIA.NO_LICENCE          | review   | SY     | exporter.country, items[0].origin_country, licences, origin_country |
      | US.OFAC.EMBARGO.SYRIA_UNTIL_2025 | block    | SY     | exporter.country, items[0].origin_country, origin_country           |

  @US.OFAC.EMBARGO.SYRIA_UNTIL_2025
  Scenario: Shipment with a US nexus to Syria while the Syrian Sanctions Regulations applied (2)
    Given a shipment from "AE" to "SY" with:
      """
      date: '2026-11-25'
      exporter: {name: Gulf Trading FZE, address: 1 Market St, city: Denver, country: AE}
      consignee: {name: Omar Haddad, address: 12 Vali Asr Ave, city: Damascus}
      items:
      - description: Rain jacket
        hs_code: '6201400000'
        quantity: 1
        value: {amount: 120, currency: USD}
        origin_country: US
      incoterm: null
      invoice: null
      packing_list: null
      """
    When it is screened as of "2024-03-01"
    Then the findings are exactly:
      | rule                             | severity | market | field                             |
      | US.EAR.SYRIA.NO_LICENCE          | review   | SY     | items[0].origin_country, licences |
      | US.OFAC.EMBARGO.SYRIA_UNTIL_2025 | block    | SY     | items[0].origin_country           |

  @US.OFAC.EMBARGO.SYRIA_UNTIL_2025
  Scenario: Not flagged - Near miss - the day the programme ended
    Given a shipment from "US" to "SY" with:
      """
      date: '2026-11-25'
      exporter: {name: Acme Outfitters LLC, address: 1 Market St, city: Denver, country: US}
      consignee: {name: Omar Haddad, address: 12 Vali Asr Ave, city: Damascus}
      items:
      - description: Rain jacket
        hs_code: '6201400000'
        quantity: 1
        value: {amount: 120, currency: USD}
        origin_country: US
      incoterm: null
      invoice: null
      packing_list: null
      """
    When it is screened as of "2025-07-01"
    Then the findings are exactly:
      | rule                    | severity | market | field                                                               |
      | US.EAR.SYRIA.NO_LICENCE | review   | SY     | exporter.country, items[0].origin_country, licences, origin_country |

  @US.OFAC.EMBARGO.SYRIA_UNTIL_2025
  Scenario: Not flagged - the same shipment without what the rule looks for (US.OFAC.EMBARGO.SYRIA_UNTIL_2025)
    Given a shipment from "AE" to "SY" with:
      """
      date: '2026-11-25'
      exporter: {name: Gulf Trading FZE, address: 1 Market St, city: Denver, country: AE}
      consignee: {name: Omar Haddad, address: 12 Vali Asr Ave, city: Damascus}
      items:
      - description: Rain jacket
        hs_code: '6201400000'
        quantity: 1
        value: {amount: 120, currency: AED}
        origin_country: AE
      incoterm: null
      invoice: null
      packing_list: null
      """
    When it is screened as of "2025-06-30"
    Then there are no findings

  @US.OFAC.EMBARGO.CRIMEA_ORDER
  Scenario: Order with a US nexus addressed to Crimea is blocked
    Given an order from "US" to "UA" with:
      """
      date: '2026-11-25'
      seller: {name: Acme Outfitters LLC, address: 1 Market St, city: Denver, country: US}
      buyer: {name: Olena K}
      shipping_address: {name: Olena K, address: 5 Lenina St, city: Simferopol}
      items:
      - sku: JKT-1
        title: Rain jacket
        quantity: 1
        unit_price: {amount: 120, currency: USD}
      total: {amount: 135, currency: USD}
      goods_value: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                         | severity | market | field                                                                     |
      | US.OFAC.EMBARGO.CRIMEA_ORDER | block    | UA     | shipping_address.city, seller.country, ship_from_country, total.currency |

  @US.OFAC.EMBARGO.CRIMEA_ORDER
  Scenario: Order with a US nexus addressed to Crimea in Cyrillic is blocked
    Given an order from "US" to "RU" with:
      """
      date: '2026-11-25'
      seller: {name: Acme Outfitters LLC, address: 1 Market St, city: Denver, country: US}
      buyer: {name: Ivan P}
      shipping_address: {name: Ivan P, address: ул. Ленина 5, city: Севастополь}
      items:
      - sku: JKT-1
        title: Rain jacket
        quantity: 1
        unit_price: {amount: 120, currency: USD}
      total: {amount: 135, currency: USD}
      goods_value: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                         | severity | market | field                                                                     |
      | US.OFAC.EMBARGO.CRIMEA_ORDER | block    | RU     | shipping_address.city, seller.country, ship_from_country, total.currency |

  @US.OFAC.EMBARGO.OCCUPIED_REGIONS_ORDER
  Scenario: An address in the DNR/LNR regions is checked (the Covered Regions are not the whole oblasts)
    Given an order from "US" to "UA" with:
      """
      date: '2026-11-25'
      seller: {name: Acme Outfitters LLC, address: 1 Market St, city: Denver, country: US}
      buyer: {name: Petro S}
      shipping_address: {name: Petro S, address: 10 Artema St, city: Donetsk}
      items:
      - sku: JKT-1
        title: Rain jacket
        quantity: 1
        unit_price: {amount: 120, currency: USD}
      total: {amount: 135, currency: USD}
      goods_value: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                                   | severity | market | field                 |
      | US.OFAC.EMBARGO.OCCUPIED_REGIONS_ORDER | review   | UA     | shipping_address.city |

  @US.OFAC.EMBARGO.OCCUPIED_REGIONS_ORDER
  Scenario: Not flagged - Near miss - Kyiv
    Given an order from "US" to "UA" with:
      """
      date: '2026-11-25'
      seller: {name: Acme Outfitters LLC, address: 1 Market St, city: Denver, country: US}
      buyer: {name: Olena K}
      shipping_address: {name: Olena K, address: 5 Khreshchatyk, city: Kyiv}
      items:
      - sku: JKT-1
        title: Rain jacket
        quantity: 1
        unit_price: {amount: 120, currency: USD}
      total: {amount: 135, currency: USD}
      goods_value: null
      """
    When it is screened
    Then there are no findings

  @US.OFAC.EMBARGO.OCCUPIED_REGIONS_ORDER
  Scenario: Not flagged - Moscow
    Given an order from "US" to "RU" with:
      """
      date: '2026-11-25'
      seller: {name: Acme Outfitters LLC, address: 1 Market St, city: Denver, country: US}
      buyer: {name: Ivan P}
      shipping_address: {name: Ivan P, address: 1 Tverskaya St, city: Moscow}
      items:
      - sku: JKT-1
        title: Rain jacket
        quantity: 1
        unit_price: {amount: 120, currency: USD}
      total: {amount: 135, currency: USD}
      goods_value: null
      """
    When it is screened
    Then there are no findings

  # US.OFAC.EMBARGO.OCCUPIED_REGIONS_SHIPMENT: Shipment consigned to Crimea or the so-called DNR/LNR regions
  @US.OFAC.EMBARGO.OCCUPIED_REGIONS_SHIPMENT
  Scenario: Shipment consigned to Crimea or the so-called DNR/LNR regions
    Given a shipment from "US" to "UA" with:
      """
      date: '2026-11-25'
      exporter: {name: Acme Outfitters LLC, address: 1 Market St, city: Denver, country: US}
      consignee: {name: Petro S, address: 10 Artema St, city: Donetsk}
      items:
      - description: Rain jacket
        hs_code: '6201400000'
        quantity: 1
        value: {amount: 120, currency: USD}
        origin_country: US
      incoterm: null
      invoice: null
      packing_list: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                                      | severity | market | field          |
      | US.OFAC.EMBARGO.OCCUPIED_REGIONS_SHIPMENT | review   | UA     | consignee.city |

  @US.OFAC.EMBARGO.OCCUPIED_REGIONS_SHIPMENT
  Scenario: Shipment consigned to Crimea or the so-called DNR/LNR regions (2)
    Given a shipment from "US" to "RU" with:
      """
      date: '2026-11-25'
      exporter: {name: Acme Outfitters LLC, address: 1 Market St, city: Denver, country: US}
      consignee: {name: Ivan P, address: 3 Naberezhnaya, city: Yalta}
      items:
      - description: Rain jacket
        hs_code: '6201400000'
        quantity: 1
        value: {amount: 120, currency: USD}
        origin_country: US
      incoterm: null
      invoice: null
      packing_list: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                                      | severity | market | field                                                               |
      | US.EAR.RU_BY.NO_LICENCE                   | review   | RU     | exporter.country, items[0].origin_country, licences, origin_country |
      | US.OFAC.EMBARGO.OCCUPIED_REGIONS_SHIPMENT | review   | RU     | consignee.city                                                      |

  @US.OFAC.EMBARGO.OCCUPIED_REGIONS_SHIPMENT
  Scenario: Not flagged - Near miss - Lviv
    Given a shipment from "US" to "UA" with:
      """
      date: '2026-11-25'
      exporter: {name: Acme Outfitters LLC, address: 1 Market St, city: Denver, country: US}
      consignee: {name: Petro S, address: 10 Svobody Ave, city: Lviv}
      items:
      - description: Rain jacket
        hs_code: '6201400000'
        quantity: 1
        value: {amount: 120, currency: USD}
        origin_country: US
      incoterm: null
      invoice: null
      packing_list: null
      """
    When it is screened
    Then there are no findings

  @US.OFAC.EMBARGO.OCCUPIED_REGIONS_SHIPMENT
  Scenario: Not flagged - the same shipment without what the rule looks for (US.OFAC.EMBARGO.OCCUPIED_REGIONS_SHIPMENT)
    Given a shipment from "US" to "IR" with:
      """
      date: '2026-11-25'
      exporter: {name: Acme Outfitters LLC, address: 1 Market St, city: Denver, country: US}
      consignee: {name: Ali Rezaei, address: 12 Vali Asr Ave, city: Tehran}
      items:
      - description: Rain jacket
        hs_code: '6201400000'
        quantity: 1
        value: {amount: 120, currency: USD}
        origin_country: US
      incoterm: null
      invoice: null
      packing_list: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                       | severity | market | field                                                               |
      | US.EAR.E_GROUPS.NO_LICENCE | review   | IR     | exporter.country, items[0].origin_country, licences, origin_country |
      | US.OFAC.EMBARGO.SHIPMENT   | block    | IR     | exporter.country, items[0].origin_country, origin_country           |

  # US.EAR.E_GROUPS.NO_LICENCE: US-nexus shipment to Country Group E:1 or E:2 without a licence
  @US.EAR.E_GROUPS.NO_LICENCE
  Scenario: US-nexus shipment to Country Group E:1 or E:2 without a licence
    Given a shipment from "US" to "IR" with:
      """
      date: '2026-11-25'
      exporter: {name: Acme Outfitters LLC, address: 1 Market St, city: Denver, country: US}
      consignee: {name: Ali Rezaei, address: 12 Vali Asr Ave, city: Tehran}
      items:
      - description: Rain jacket
        hs_code: '6201400000'
        quantity: 1
        value: {amount: 120, currency: USD}
        origin_country: US
      incoterm: null
      invoice: null
      packing_list: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                       | severity | market | field                                                               |
      | US.EAR.E_GROUPS.NO_LICENCE | review   | IR     | exporter.country, items[0].origin_country, licences, origin_country |
      | US.OFAC.EMBARGO.SHIPMENT   | block    | IR     | exporter.country, items[0].origin_country, origin_country           |

  @US.EAR.E_GROUPS.NO_LICENCE
  Scenario: US-nexus shipment to Country Group E:1 or E:2 without a licence (2)
    Given a shipment from "US" to "KP" with:
      """
      date: '2026-11-25'
      exporter: {name: Acme Outfitters LLC, address: 1 Market St, city: Denver, country: US}
      consignee: {name: Kim Chol, address: 12 Vali Asr Ave, city: Pyongyang}
      items:
      - description: Rain jacket
        hs_code: '6201400000'
        quantity: 1
        value: {amount: 120, currency: USD}
        origin_country: US
      incoterm: null
      invoice: null
      packing_list: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                            | severity | market | field                                                               |
      | US.EAR.E_GROUPS.NO_LICENCE      | review   | KP     | exporter.country, items[0].origin_country, licences, origin_country |
      | US.OFAC.EMBARGO.SHIPMENT        | block    | KP     | exporter.country, items[0].origin_country, origin_country           |

  @US.EAR.E_GROUPS.NO_LICENCE
  Scenario: Not flagged - Licence recorded
    Given a shipment from "US" to "IR" with:
      """
      date: '2026-11-25'
      exporter: {name: Acme Outfitters LLC, address: 1 Market St, city: Denver, country: US}
      consignee: {name: Ali Rezaei, address: 12 Vali Asr Ave, city: Tehran}
      items:
      - description: Rain jacket
        hs_code: '6201400000'
        quantity: 1
        value: {amount: 120, currency: USD}
        origin_country: US
      licences:
      - {type: export_licence, number: D1234567, issuing_authority: BIS, issuing_country: US}
      incoterm: null
      invoice: null
      packing_list: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                     | severity | market | field                                                     |
      | US.OFAC.EMBARGO.SHIPMENT | block    | IR     | exporter.country, items[0].origin_country, origin_country |

  @US.EAR.E_GROUPS.NO_LICENCE
  Scenario: Not flagged - Near miss - no US origin or exporter
    Given a shipment from "DE" to "IR" with:
      """
      date: '2026-11-25'
      exporter: {name: Acme GmbH, address: 1 Market St, city: Denver, country: DE}
      consignee: {name: Ali Rezaei, address: 12 Vali Asr Ave, city: Tehran}
      items:
      - description: Rain jacket
        hs_code: '6201400000'
        quantity: 1
        value: {amount: 120, currency: EUR}
        origin_country: DE
      incoterm: null
      invoice: null
      packing_list: null
      """
    When it is screened
    Then there are no findings

  # US.EAR.SYRIA.NO_LICENCE: US-nexus shipment to Syria without a licence (before the September 2025 relaxation)
  @US.EAR.SYRIA.NO_LICENCE
  Scenario: US-nexus shipment to Syria without a licence (before the September 2025 relaxation)
    Given a shipment from "US" to "SY" with:
      """
      date: '2026-11-25'
      exporter: {name: Acme Outfitters LLC, address: 1 Market St, city: Denver, country: US}
      consignee: {name: Omar Haddad, address: 12 Vali Asr Ave, city: Damascus}
      items:
      - description: Rain jacket
        hs_code: '6201400000'
        quantity: 1
        value: {amount: 120, currency: USD}
        origin_country: US
      incoterm: null
      invoice: null
      packing_list: null
      """
    When it is screened as of "2025-09-01"
    Then the findings are exactly:
      | rule                    | severity | market | field                                                               |
      | US.EAR.SYRIA.NO_LICENCE | review   | SY     | exporter.country, items[0].origin_country, licences, origin_country |

  @US.EAR.SYRIA.NO_LICENCE
  Scenario: US-nexus shipment to Syria without a licence (before the September 2025 relaxation) (2)
    Given a shipment from "AE" to "SY" with:
      """
      date: '2026-11-25'
      exporter: {name: Gulf Trading FZE, address: 1 Market St, city: Denver, country: AE}
      consignee: {name: Omar Haddad, address: 12 Vali Asr Ave, city: Damascus}
      items:
      - description: Rain jacket
        hs_code: '6201400000'
        quantity: 1
        value: {amount: 120, currency: USD}
        origin_country: US
      incoterm: null
      invoice: null
      packing_list: null
      """
    When it is screened as of "2025-08-01"
    Then the findings are exactly:
      | rule                    | severity | market | field                             |
      | US.EAR.SYRIA.NO_LICENCE | review   | SY     | items[0].origin_country, licences |

  @US.EAR.SYRIA.NO_LICENCE
  Scenario: Not flagged - Near miss - licence recorded
    Given a shipment from "US" to "SY" with:
      """
      date: '2026-11-25'
      exporter: {name: Acme Outfitters LLC, address: 1 Market St, city: Denver, country: US}
      consignee: {name: Omar Haddad, address: 12 Vali Asr Ave, city: Damascus}
      items:
      - description: Rain jacket
        hs_code: '6201400000'
        quantity: 1
        value: {amount: 120, currency: USD}
        origin_country: US
      licences:
      - {type: export_licence, number: D1234567, issuing_authority: BIS}
      incoterm: null
      invoice: null
      packing_list: null
      """
    When it is screened as of "2025-08-01"
    Then there are no findings

  @US.EAR.SYRIA.NO_LICENCE
  Scenario: Not flagged - No US nexus
    Given a shipment from "AE" to "SY" with:
      """
      date: '2026-11-25'
      exporter: {name: Gulf Trading FZE, address: 1 Market St, city: Denver, country: AE}
      consignee: {name: Omar Haddad, address: 12 Vali Asr Ave, city: Damascus}
      items:
      - description: Rain jacket
        hs_code: '6201400000'
        quantity: 1
        value: {amount: 120, currency: AED}
        origin_country: AE
      incoterm: null
      invoice: null
      packing_list: null
      """
    When it is screened as of "2025-08-01"
    Then there are no findings

  # US.EAR.SYRIA.NO_LICENCE_2025: US-nexus shipment to Syria without a licence or licence exception (SPP, CCD)
  @US.EAR.SYRIA.NO_LICENCE_2025
  Scenario: US-nexus shipment to Syria without a licence or licence exception (SPP, CCD)
    Given a shipment from "US" to "SY" with:
      """
      date: '2026-11-25'
      exporter: {name: Acme Outfitters LLC, address: 1 Market St, city: Denver, country: US}
      consignee: {name: Omar Haddad, address: 12 Vali Asr Ave, city: Damascus}
      items:
      - description: Rain jacket
        hs_code: '6201400000'
        quantity: 1
        value: {amount: 120, currency: USD}
        origin_country: US
      incoterm: null
      invoice: null
      packing_list: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                         | severity | market | field                                                               |
      | US.EAR.SYRIA.NO_LICENCE_2025 | review   | SY     | exporter.country, items[0].origin_country, licences, origin_country |

  @US.EAR.SYRIA.NO_LICENCE_2025
  Scenario: US-nexus shipment to Syria without a licence or licence exception (SPP, CCD) (2)
    Given a shipment from "AE" to "SY" with:
      """
      date: '2026-11-25'
      exporter: {name: Acme Outfitters LLC, address: 1 Market St, city: Denver, country: US}
      consignee: {name: Omar Haddad, address: 12 Vali Asr Ave, city: Damascus}
      items:
      - description: Rain jacket
        hs_code: '6201400000'
        quantity: 1
        value: {amount: 120, currency: USD}
        origin_country: US
      incoterm: null
      invoice: null
      packing_list: null
      """
    When it is screened as of "2025-09-02"
    Then the findings are exactly:
      | rule                         | severity | market | field                                               |
      | US.EAR.SYRIA.NO_LICENCE_2025 | review   | SY     | exporter.country, items[0].origin_country, licences |

  @US.EAR.SYRIA.NO_LICENCE_2025
  Scenario: Not flagged - Near miss - License Exception SPP recorded
    Given a shipment from "US" to "SY" with:
      """
      date: '2026-11-25'
      exporter: {name: Acme Outfitters LLC, address: 1 Market St, city: Denver, country: US}
      consignee: {name: Omar Haddad, address: 12 Vali Asr Ave, city: Damascus}
      items:
      - description: Rain jacket
        hs_code: '6201400000'
        quantity: 1
        value: {amount: 120, currency: USD}
        origin_country: US
      licences:
      - {type: license_exception_spp}
      incoterm: null
      invoice: null
      packing_list: null
      """
    When it is screened
    Then there are no findings

  @US.EAR.SYRIA.NO_LICENCE_2025
  Scenario: Not flagged - No US nexus (2)
    Given a shipment from "AE" to "SY" with:
      """
      date: '2026-11-25'
      exporter: {name: Gulf Trading FZE, address: 1 Market St, city: Denver, country: AE}
      consignee: {name: Omar Haddad, address: 12 Vali Asr Ave, city: Damascus}
      items:
      - description: Rain jacket
        hs_code: '6201400000'
        quantity: 1
        value: {amount: 120, currency: AED}
        origin_country: AE
      incoterm: null
      invoice: null
      packing_list: null
      """
    When it is screened
    Then there are no findings

  # US.EAR.RU_BY.NO_LICENCE: US-nexus shipment to Russia or Belarus without a licence
  @US.EAR.RU_BY.NO_LICENCE
  Scenario: US-nexus shipment to Russia or Belarus without a licence
    Given a shipment from "US" to "RU" with:
      """
      date: '2026-11-25'
      exporter: {name: Acme Outfitters LLC, address: 1 Market St, city: Denver, country: US}
      consignee: {name: Ivan P, address: 12 Vali Asr Ave, city: Moscow}
      items:
      - description: Rain jacket
        hs_code: '6201400000'
        quantity: 1
        value: {amount: 120, currency: USD}
        origin_country: US
      incoterm: null
      invoice: null
      packing_list: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                    | severity | market | field                                                               |
      | US.EAR.RU_BY.NO_LICENCE | review   | RU     | exporter.country, items[0].origin_country, licences, origin_country |

  @US.EAR.RU_BY.NO_LICENCE
  Scenario: US-nexus shipment to Russia or Belarus without a licence (2)
    Given a shipment from "US" to "BY" with:
      """
      date: '2026-11-25'
      exporter: {name: Acme Outfitters LLC, address: 1 Market St, city: Denver, country: US}
      consignee: {name: Olga M, address: 12 Vali Asr Ave, city: Minsk}
      items:
      - description: Rain jacket
        hs_code: '6201400000'
        quantity: 1
        value: {amount: 120, currency: USD}
        origin_country: US
      incoterm: null
      invoice: null
      packing_list: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                    | severity | market | field                                                               |
      | US.EAR.RU_BY.NO_LICENCE | review   | BY     | exporter.country, items[0].origin_country, licences, origin_country |

  @US.EAR.RU_BY.NO_LICENCE
  Scenario: Not flagged - Near miss - the day before the luxury-goods rule
    Given a shipment from "US" to "RU" with:
      """
      date: '2026-11-25'
      exporter: {name: Acme Outfitters LLC, address: 1 Market St, city: Denver, country: US}
      consignee: {name: Ivan P, address: 12 Vali Asr Ave, city: Moscow}
      items:
      - description: Rain jacket
        hs_code: '6201400000'
        quantity: 1
        value: {amount: 120, currency: USD}
        origin_country: US
      incoterm: null
      invoice: null
      packing_list: null
      """
    When it is screened as of "2022-03-10"
    Then there are no findings

  @US.EAR.RU_BY.NO_LICENCE
  Scenario: Not flagged - Licence recorded (2)
    Given a shipment from "US" to "RU" with:
      """
      date: '2026-11-25'
      exporter: {name: Acme Outfitters LLC, address: 1 Market St, city: Denver, country: US}
      consignee: {name: Ivan P, address: 12 Vali Asr Ave, city: Moscow}
      items:
      - description: Rain jacket
        hs_code: '6201400000'
        quantity: 1
        value: {amount: 120, currency: USD}
        origin_country: US
      licences:
      - {type: export_licence, number: D1234567, issuing_authority: BIS}
      incoterm: null
      invoice: null
      packing_list: null
      """
    When it is screened
    Then there are no findings
