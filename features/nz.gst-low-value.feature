Feature: nz.gst-low-value - GST on low-value imported goods sold to New Zealand consumers
  An overseas business or marketplace charges 15 % GST at sale on goods valued at NZD 1,000 or
  less each; the limit is tested per item, and a marketplace that facilitates the sale is the
  supplier. An own-shop sale is not decided: the seller may be under the registration threshold.

  @NZ.GST.LVG_1000.MARKETPLACE_NOT_CHARGED
  Scenario: A marketplace sale of a low-value import paid at the door goes to review
    Given an order from "CN" to "NZ" with:
      """
      marketplace: marketplace.example
      marketplace_facilitates: true
      items: [{sku: MG-350, title: Ceramic coffee mug, quantity: 1, unit_price: {amount: 999, currency: NZD}}]
      goods_value: {amount: 999, currency: NZD}
      vat_charged: false
      vat_collection: {scheme: import_vat, collected_by: carrier, collected_at: delivery}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                                    | severity | market | field |
      | NZ.GST.LVG_1000.MARKETPLACE_NOT_CHARGED | review   | NZ     | buyer.type, marketplace_facilitates, ship_from_country, vat_charged, vat_collection.scheme, vat_collection.collected_at, items[0].unit_price, items[0].excise, goods_value |

  @NZ.GST.LVG_1000.MARKETPLACE_NOT_CHARGED
  Scenario: Per item - two items of NZD 600 in an order of NZD 1,200 still carry GST at sale
    Given an order from "CN" to "NZ" with:
      """
      marketplace: marketplace.example
      marketplace_facilitates: true
      items: [{sku: SPK-1, title: Bluetooth speaker, quantity: 2, unit_price: {amount: 600, currency: NZD}}]
      goods_value: {amount: 1200, currency: NZD}
      vat_charged: false
      vat_collection: {scheme: import_vat, collected_by: carrier, collected_at: border}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                                    | severity | market | field |
      | NZ.GST.LVG_1000.MARKETPLACE_NOT_CHARGED | review   | NZ     | buyer.type, marketplace_facilitates, ship_from_country, vat_charged, vat_collection.scheme, vat_collection.collected_at, items[0].unit_price, items[0].excise |

  @NZ.GST.LVG_1000.MARKETPLACE_NOT_CHARGED
  Scenario: An item above NZD 1,000 is taxed at the border
    Given an order from "CN" to "NZ" with:
      """
      marketplace: marketplace.example
      marketplace_facilitates: true
      items: [{sku: TV-1, title: Television, quantity: 1, unit_price: {amount: 1001, currency: NZD}}]
      goods_value: {amount: 1001, currency: NZD}
      vat_charged: false
      vat_collection: {scheme: import_vat, collected_by: carrier, collected_at: border}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @NZ.GST.LVG_1000.MARKETPLACE_NOT_CHARGED
  Scenario: The marketplace charged GST at checkout
    Given an order from "CN" to "NZ" with:
      """
      marketplace: marketplace.example
      marketplace_facilitates: true
      goods_value: {amount: 999, currency: NZD}
      vat_charged: true
      vat_collection: {scheme: other, collected_by: marketplace, collected_at: checkout, rate_percent: 15, deemed_supplier: true}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @NZ.GST.LVG_1000.MARKETPLACE_NOT_CHARGED
  Scenario: An own-shop sale without GST is not decided
    Given an order from "CN" to "NZ" with:
      """
      goods_value: {amount: 99, currency: NZD}
      vat_charged: false
      """
    When it is screened as of "2026-11-25"
    Then there are no findings
