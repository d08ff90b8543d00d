Feature: no.vat-voec - VAT on low-value goods collected at sale in Norway
  A VOEC-registered seller or marketplace charges VAT at checkout on goods under NOK 3,000 per
  item and passes its VOEC number with each consignment, so VAT is not charged again.

  @NO.VAT.VOEC.NUMBER_MISSING
  Scenario: VAT charged at sale but no VOEC number on the parcel
    Given a shipment from "CN" to "NO" with:
      """
      b2c: true
      tax_paid_at_sale: true
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                       | severity | market | field                                     |
      | NO.VAT.VOEC.NUMBER_MISSING | block    | NO     | tax_paid_at_sale, tax_registration_number |

  @NO.VAT.VOEC.NUMBER_MISSING
  Scenario: The VOEC number travels with the parcel
    Given a shipment from "CN" to "NO" with:
      """
      b2c: true
      tax_paid_at_sale: true
      tax_registration_number: VOEC2040011
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @NO.VAT.VOEC.MARKETPLACE_NOT_CHARGED
  Scenario: A marketplace sale of an item under NOK 3,000 without VAT at sale goes to review
    Given an order from "CN" to "NO" with:
      """
      marketplace: marketplace.example
      marketplace_facilitates: true
      items: [{sku: MG-350, title: Ceramic coffee mug, quantity: 1, unit_price: {amount: 2999, currency: NOK}}]
      goods_value: {amount: 2999, currency: NOK}
      vat_charged: false
      vat_collection: {scheme: import_vat, collected_by: carrier, collected_at: delivery}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                                | severity | market | field |
      | NO.VAT.VOEC.MARKETPLACE_NOT_CHARGED | review   | NO     | buyer.type, marketplace_facilitates, ship_from_country, vat_charged, vat_collection.scheme, vat_collection.collected_at, items[0].unit_price, items[0].excise, goods_value |

  @NO.VAT.VOEC.MARKETPLACE_NOT_CHARGED
  Scenario: An item of exactly NOK 3,000 is not under the limit and pays at the border
    Given an order from "CN" to "NO" with:
      """
      marketplace: marketplace.example
      marketplace_facilitates: true
      items: [{sku: MG-350, title: Ceramic coffee mug, quantity: 1, unit_price: {amount: 3000, currency: NOK}}]
      goods_value: {amount: 3000, currency: NOK}
      vat_charged: false
      vat_collection: {scheme: import_vat, collected_by: carrier, collected_at: border}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings
