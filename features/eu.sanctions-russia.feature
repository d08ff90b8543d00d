Feature: eu.sanctions-russia - no luxury goods over EUR 300 per item to Russia
  Art. 3h of Regulation (EU) No 833/2014 (since 15 March 2022) prohibits EU sellers, and anything
  shipped from the EU, from selling or exporting the luxury goods of Annex XVIII to Russia when
  one item is worth more than EUR 300. The goods are recognised by their tariff headings (the
  general EUR 300 categories; an abridged list), the value is converted into euro at the ECB
  rate of the document's date, and a price in roubles, which has no ECB rate, is not evaluated.

  @EU.SANCTIONS.RU_LUXURY.ORDER
  Scenario: A EUR 350 wristwatch sold from Hamburg to Moscow is blocked
    Given an order from "DE" to "RU" with:
      """
      date: '2026-11-02'
      seller: {name: Uhrenhaus Berger GmbH, address: Jungfernstieg 10, city: Hamburg, country: DE}
      shipping_address: {name: Max Muster, address: Tverskaya 7, city: Moscow}
      items:
      - {sku: W-1, title: "Wristwatch, stainless steel", quantity: 1, unit_price: {amount: 350, currency: EUR}, hs_code: "910221"}
      goods_value: {amount: 350, currency: EUR}
      """
    When it is screened
    Then the findings are exactly:
      | rule                         | severity | market | field                                                                  |
      | EU.SANCTIONS.RU_LUXURY.ORDER | block    | RU     | seller.country, ship_from_country, items[0].hs_code, items[0].unit_price |

  @EU.SANCTIONS.RU_LUXURY.ORDER
  Scenario: A USD 400 handbag (EUR 341 at the ECB rate) from a German warehouse is blocked
    Given an order from "DE" to "RU" with:
      """
      date: '2026-11-02'
      seller: {name: Gulf Trading FZE, country: AE}
      shipping_address: {name: Max Muster, address: Tverskaya 7, city: Moscow}
      items:
      - {sku: B-1, title: Leather handbag, quantity: 1, unit_price: {amount: 400, currency: USD}, hs_code: "420221"}
      goods_value: {amount: 400, currency: USD}
      """
    When it is screened
    Then the findings are exactly:
      | rule                         | severity | market | field                                                  |
      | EU.SANCTIONS.RU_LUXURY.ORDER | block    | RU     | ship_from_country, items[0].hs_code, items[0].unit_price |

  @EU.SANCTIONS.RU_LUXURY.ORDER
  Scenario Outline: Within EUR 300 per item, outside Annex XVIII, or before 15 March 2022 the sale is not caught
    Given an order from "DE" to "RU" with:
      """
      date: '<date>'
      seller: {name: Uhrenhaus Berger GmbH, address: Jungfernstieg 10, city: Hamburg, country: DE}
      shipping_address: {name: Max Muster, address: Tverskaya 7, city: Moscow}
      items:
      - {sku: X-1, title: <title>, quantity: 1, unit_price: {amount: <price>, currency: EUR}, hs_code: "<hs>"}
      goods_value: {amount: <price>, currency: EUR}
      """
    When it is screened
    Then there are no findings
    And rule "EU.SANCTIONS.RU_LUXURY.ORDER" does not fire

    Examples:
      | date       | title           | price | hs     |
      | 2026-11-02 | Wristwatch      | 300   | 910221 |
      | 2026-11-02 | Wristwatch      | 290   | 910221 |
      | 2026-11-02 | Ceramic mug set | 350   | 691200 |
      | 2022-03-14 | Wristwatch      | 350   | 910221 |

  @EU.SANCTIONS.RU_LUXURY.ORDER
  Scenario: A price in roubles cannot be converted, so the rule is not evaluated
    Given an order from "DE" to "RU" with:
      """
      date: '2026-11-02'
      seller: {name: Uhrenhaus Berger GmbH, address: Jungfernstieg 10, city: Hamburg, country: DE}
      shipping_address: {name: Max Muster, address: Tverskaya 7, city: Moscow}
      items:
      - {sku: W-1, title: Wristwatch, quantity: 1, unit_price: {amount: 35000, currency: RUB}, hs_code: "910221"}
      goods_value: {amount: 35000, currency: RUB}
      """
    When it is screened
    Then there are no findings
    And rule "EU.SANCTIONS.RU_LUXURY.ORDER" is not evaluated for market "RU"

  @EU.SANCTIONS.RU_LUXURY.SHIPMENT
  Scenario: One bottle of perfume worth EUR 400 exported from Germany to Russia is blocked
    Given a shipment from "DE" to "RU" with:
      """
      exporter: {name: Parfümerie Lenz GmbH, address: Zeil 5, city: Frankfurt, country: DE}
      items:
      - {description: Eau de parfum 100 ml, hs_code: "330300", quantity: 1, value: {amount: 400, currency: EUR}, origin_country: FR}
      dangerous_goods: [{line: 1, un_number: UN1266, class: "3", packing_group: II, limited_quantity: true}]
      invoice: {number: INV-1, total_quantity: 1}
      packing_list: {total_quantity: 1, net_weight_kg: 0.4, gross_weight_kg: 0.5}
      """
    When it is screened as of "2026-11-02"
    Then the findings are exactly:
      | rule                            | severity | market | field                                                             |
      | EU.SANCTIONS.RU_LUXURY.SHIPMENT | block    | RU     | origin_country, exporter.country, items[0].hs_code, items[0].quantity, items[0].value |

  @EU.SANCTIONS.RU_LUXURY.SHIPMENT_SEVERAL
  Scenario: Four silk scarves worth EUR 480 together ask for the value per item
    Given a shipment from "DE" to "RU" with:
      """
      exporter: {name: Seidenhaus Kraft GmbH, address: Königsallee 1, city: Düsseldorf, country: DE}
      items:
      - {description: Silk scarves, hs_code: "621410", quantity: 4, value: {amount: 480, currency: EUR}, origin_country: IT}
      invoice: {number: INV-1, total_quantity: 4}
      packing_list: {total_quantity: 4, net_weight_kg: 0.4, gross_weight_kg: 0.5}
      """
    When it is screened as of "2026-11-02"
    Then the findings are exactly:
      | rule                                    | severity | market | field                                                             |
      | EU.SANCTIONS.RU_LUXURY.SHIPMENT_SEVERAL | review   | RU     | origin_country, exporter.country, items[0].hs_code, items[0].quantity, items[0].value |

  @EU.SANCTIONS.RU_LUXURY.SHIPMENT
  Scenario: Perfume shipped to Russia from China has no EU nexus
    Given a shipment from "CN" to "RU" with:
      """
      exporter: {name: Shenzhen Brightway Co Ltd, city: Shenzhen, country: CN}
      items:
      - {description: Eau de parfum 100 ml, hs_code: "330300", quantity: 1, value: {amount: 400, currency: EUR}, origin_country: CN}
      dangerous_goods: [{line: 1, un_number: UN1266, class: "3", packing_group: II, limited_quantity: true}]
      invoice: {number: INV-1, total_quantity: 1}
      packing_list: {total_quantity: 1, net_weight_kg: 0.4, gross_weight_kg: 0.5}
      """
    When it is screened as of "2026-11-02"
    Then there are no findings
    And rule "EU.SANCTIONS.RU_LUXURY.SHIPMENT" does not fire
