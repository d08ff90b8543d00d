Feature: sg.gst-low-value - GST on low-value goods collected at sale in Singapore
  An OVR-registered vendor, marketplace or re-deliverer charges GST at sale on goods of at most
  SGD 400 per item and puts its GST number on the shipment, so GST is not charged again.

  @SG.GST.LVG_400.NUMBER_MISSING
  Scenario: GST charged at sale but no GST number on the parcel
    Given a shipment from "CN" to "SG" with:
      """
      b2c: true
      tax_paid_at_sale: true
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                          | severity | market | field                                     |
      | SG.GST.LVG_400.NUMBER_MISSING | block    | SG     | tax_paid_at_sale, tax_registration_number, mode |

  @SG.GST.LVG_400.NUMBER_MISSING
  Scenario: The GST number is on the shipment
    Given a shipment from "CN" to "SG" with:
      """
      b2c: true
      tax_paid_at_sale: true
      tax_registration_number: M90312345A
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @SG.GST.LVG_400.MARKETPLACE_NOT_CHARGED
  Scenario: A marketplace sale of an item of SGD 399 without GST at sale goes to review
    Given an order from "CN" to "SG" with:
      """
      marketplace: marketplace.example
      marketplace_facilitates: true
      items: [{sku: MG-350, title: Ceramic coffee mug, quantity: 1, unit_price: {amount: 399, currency: SGD}}]
      goods_value: {amount: 399, currency: SGD}
      vat_charged: false
      vat_collection: {scheme: import_vat, collected_by: carrier, collected_at: delivery}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                                   | severity | market | field |
      | SG.GST.LVG_400.MARKETPLACE_NOT_CHARGED | review   | SG     | buyer.type, marketplace_facilitates, ship_from_country, vat_charged, vat_collection.scheme, vat_collection.collected_at, items[0].unit_price, items[0].excise, goods_value |

  @SG.GST.LVG_400.MARKETPLACE_NOT_CHARGED
  Scenario: An item of SGD 401 is taxed at import
    Given an order from "CN" to "SG" with:
      """
      marketplace: marketplace.example
      marketplace_facilitates: true
      items: [{sku: MG-350, title: Ceramic coffee mug, quantity: 1, unit_price: {amount: 401, currency: SGD}}]
      goods_value: {amount: 401, currency: SGD}
      vat_charged: false
      vat_collection: {scheme: import_vat, collected_by: carrier, collected_at: border}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings
