Feature: my.sst-low-value - sales tax on low-value goods sold online into Malaysia
  Goods sold online at no more than RM500 carry 10 % sales tax charged by the seller or the
  online marketplace; tobacco, liquor and vape products are excluded.

  @MY.SST.LVG_500.MARKETPLACE_NOT_CHARGED
  Scenario: A marketplace sale of RM499 without sales tax at sale goes to review
    Given an order from "CN" to "MY" with:
      """
      marketplace: marketplace.example
      marketplace_facilitates: true
      items: [{sku: MG-350, title: Ceramic coffee mug, quantity: 1, unit_price: {amount: 499, currency: MYR}}]
      goods_value: {amount: 499, currency: MYR}
      vat_charged: false
      vat_collection: {scheme: import_vat, collected_by: carrier, collected_at: delivery}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                                   | severity | market | field |
      | MY.SST.LVG_500.MARKETPLACE_NOT_CHARGED | review   | MY     | buyer.type, marketplace_facilitates, ship_from_country, goods_value, items[0].excise, vat_charged, vat_collection.scheme, vat_collection.collected_at |

  @MY.SST.LVG_500.MARKETPLACE_NOT_CHARGED
  Scenario: Above RM500 the tax is collected at import
    Given an order from "CN" to "MY" with:
      """
      marketplace: marketplace.example
      marketplace_facilitates: true
      items: [{sku: MG-350, title: Ceramic coffee mug, quantity: 1, unit_price: {amount: 501, currency: MYR}}]
      goods_value: {amount: 501, currency: MYR}
      vat_charged: false
      vat_collection: {scheme: import_vat, collected_by: carrier, collected_at: border}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @MY.SST.LVG_500.MARKETPLACE_NOT_CHARGED
  Scenario: The marketplace charged 10 % sales tax at checkout
    Given an order from "CN" to "MY" with:
      """
      marketplace: marketplace.example
      marketplace_facilitates: true
      goods_value: {amount: 499, currency: MYR}
      vat_charged: true
      vat_collection: {scheme: other, collected_by: marketplace, collected_at: checkout, rate_percent: 10, deemed_supplier: true}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings
