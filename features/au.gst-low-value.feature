Feature: au.gst-low-value - GST on low-value imported goods
  Goods of at most AUD 1,000 sold to an Australian consumer have GST charged at sale; above it
  GST is collected at the border. When GST was charged at sale, the import documents carry the
  supplier's ARN or ABN so that GST is not collected twice.

  @AU.GST.LVG_1000.OVER_LIMIT
  Scenario: Low-value GST charged at sale above AUD 1,000
    Given an order from "CN" to "AU" with:
      """
      goods_value: {amount: 1200, currency: AUD}
      vat_charged: true
      vat_collection: {scheme: other, collected_by: seller, collected_at: checkout, rate_percent: 10}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                       | severity | market | field                                                                   |
      | AU.GST.LVG_1000.OVER_LIMIT | review   | AU     | buyer.type, ship_from_country, goods_value, vat_charged, vat_collection.collected_at, vat_collection.scheme |

  @AU.GST.LVG_1000.OVER_LIMIT
  Scenario: GST charged at sale on exactly AUD 1,000 is right
    Given an order from "CN" to "AU" with:
      """
      goods_value: {amount: 1000, currency: AUD}
      vat_charged: true
      vat_collection: {scheme: other, collected_by: seller, collected_at: checkout, rate_percent: 10}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @AU.GST.LVG_DOCS
  Scenario: GST paid at sale but the parcel carries no ARN
    Given a shipment from "CN" to "AU" with:
      """
      b2c: true
      tax_paid_at_sale: true
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule            | severity | market | field                                     |
      | AU.GST.LVG_DOCS | block    | AU     | tax_paid_at_sale, tax_registration_number |

  @AU.GST.LVG_DOCS
  Scenario: GST paid at sale with the supplier's ARN on the documents
    Given a shipment from "CN" to "AU" with:
      """
      b2c: true
      tax_paid_at_sale: true
      tax_registration_number: "300012345678"
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @AU.GST.LVG_1000.EDP_NOT_CHARGED
  Scenario: A platform sale of a low-value import without GST at sale goes to review
    Given an order from "CN" to "AU" with:
      """
      marketplace: amazon.com.au
      marketplace_facilitates: true
      goods_value: {amount: 999, currency: AUD}
      vat_charged: false
      vat_collection: {scheme: import_vat, collected_by: carrier, collected_at: delivery}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                            | severity | market | field |
      | AU.GST.LVG_1000.EDP_NOT_CHARGED | review   | AU     | buyer.type, marketplace_facilitates, ship_from_country, goods_value, vat_charged, vat_collection.scheme, vat_collection.collected_at |

  @AU.GST.LVG_1000.EDP_NOT_CHARGED
  Scenario: An own-shop sale without GST is not decided (the seller may not have to register)
    Given an order from "CN" to "AU" with:
      """
      goods_value: {amount: 999, currency: AUD}
      vat_charged: false
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @AU.GST.LVG_1000.ABN_BUYER_CHARGED
  Scenario: GST charged at sale to a business buyer who gave its ABN goes to review
    Given an order from "CN" to "AU" with:
      """
      marketplace: marketplace.example
      marketplace_facilitates: true
      buyer: {type: b2b, country: AU, name: Wilson Pty Ltd, tax_id: "51824753556", tax_id_type: au_abn}
      goods_value: {amount: 200, currency: AUD}
      vat_charged: true
      vat_collection: {scheme: marketplace, collected_by: marketplace, collected_at: checkout, rate_percent: 10, deemed_supplier: true}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                              | severity | market | field |
      | AU.GST.LVG_1000.ABN_BUYER_CHARGED | review   | AU     | buyer.type, buyer.tax_id_type, buyer.tax_id, ship_from_country, goods_value, vat_charged, vat_collection.collected_at, vat_collection.scheme |

  @AU.GST.LVG_1000.ABN_BUYER_CHARGED
  Scenario: A number that fails the ABN check is not taken as an ABN
    Given an order from "CN" to "AU" with:
      """
      buyer: {type: b2b, country: AU, name: Wilson Pty Ltd, tax_id: "51824753557", tax_id_type: au_abn}
      goods_value: {amount: 200, currency: AUD}
      vat_charged: true
      vat_collection: {scheme: other, collected_by: seller, collected_at: checkout, rate_percent: 10}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings
