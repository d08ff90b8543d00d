Feature: uk.vat-low-value - UK VAT on consignments of at most GBP 135
  Goods from outside the UK sold to a consumer in Great Britain in a consignment of at most
  GBP 135 have UK VAT charged at sale, by the seller or by the online marketplace; above it
  import VAT is due. A business buyer with a UK VAT number reverse-charges. An online
  marketplace is liable for an overseas seller's goods in GB stock at any value.

  @UK.VAT.LVG_135.NOT_CHARGED
  Scenario: Above GBP 135 import VAT at the door is right
    Given an order from "CN" to "GB" with:
      """
      goods_value: {amount: 135.01, currency: GBP}
      vat_charged: false
      vat_collection: {scheme: import_vat, collected_by: carrier, collected_at: delivery}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @UK.VAT.LVG_135.NOT_CHARGED
  Scenario: A GBP 135 consignment with VAT left to the carrier
    Given an order from "CN" to "GB" with:
      """
      goods_value: {amount: 135, currency: GBP}
      vat_charged: false
      vat_collection: {scheme: import_vat, collected_by: carrier, collected_at: delivery}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                       | severity | market | field                                                                           |
      | UK.VAT.LVG_135.NOT_CHARGED | block    | GB     | buyer.type, ship_from_country, goods_value, vat_charged, vat_collection.scheme, vat_collection.collected_at |

  @UK.VAT.LVG_135.OVER_LIMIT
  Scenario: Low-value UK VAT charged at sale above GBP 135
    Given an order from "CN" to "GB" with:
      """
      goods_value: {amount: 180, currency: GBP}
      vat_charged: true
      vat_collection: {scheme: UK-VAT, collected_by: seller, collected_at: checkout}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                      | severity | market | field                                                        |
      | UK.VAT.LVG_135.OVER_LIMIT | review   | GB     | buyer.type, ship_from_country, goods_value, vat_collection.scheme |

  @UK.VAT.LVG_135.OMP_LIABLE
  Scenario: The seller, not the marketplace, charged the VAT
    Given an order from "CN" to "GB" with:
      """
      marketplace: amazon.co.uk
      marketplace_facilitates: true
      goods_value: {amount: 30, currency: GBP}
      vat_charged: true
      vat_collection: {scheme: uk_vat, collected_by: seller, collected_at: checkout}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                      | severity | market | field                                                                                |
      | UK.VAT.LVG_135.OMP_LIABLE | block    | GB     | buyer.type, marketplace_facilitates, ship_from_country, goods_value, vat_collection.collected_by |

  @UK.VAT.LVG_135.OMP_LIABLE @UK.VAT.LVG_135.NOT_CHARGED
  Scenario: The marketplace charged the VAT as deemed supplier
    Given an order from "CN" to "GB" with:
      """
      marketplace: amazon.co.uk
      marketplace_facilitates: true
      goods_value: {amount: 30, currency: GBP}
      vat_charged: true
      vat_collection: {scheme: uk_vat, collected_by: marketplace, collected_at: checkout, deemed_supplier: true}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @UK.VAT.B2B_REVERSE.CHARGED
  Scenario: VAT charged to a business buyer that gave its UK VAT number
    Given an order from "CN" to "GB" with:
      """
      buyer: {type: b2b, name: Brit Retail Ltd, vat_id: GB980780684}
      goods_value: {amount: 90, currency: GBP}
      vat_charged: true
      vat_collection: {scheme: uk_vat, collected_by: seller, collected_at: checkout}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                       | severity | market | field                                                                                     |
      | UK.VAT.B2B_REVERSE.CHARGED | review   | GB     | buyer.type, buyer.vat_id, ship_from_country, goods_value, vat_collection.scheme, vat_charged, vat_collection.collected_at |

  @UK.VAT.B2B_REVERSE.INVALID_ID
  Scenario: Reverse charge with a valid UK VAT number
    Given an order from "CN" to "GB" with:
      """
      buyer: {type: b2b, name: Brit Retail Ltd, vat_id: GB980780684}
      goods_value: {amount: 90, currency: GBP}
      vat_charged: false
      vat_collection: {scheme: reverse_charge, collected_by: buyer, collected_at: later}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @UK.VAT.B2B_REVERSE.INVALID_ID
  Scenario: Reverse charge on a VAT number that fails the HMRC check
    Given an order from "CN" to "GB" with:
      """
      buyer: {type: b2b, name: Brit Retail Ltd, vat_id: GB123456789}
      goods_value: {amount: 90, currency: GBP}
      vat_charged: false
      vat_collection: {scheme: reverse_charge, collected_by: buyer, collected_at: later}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                          | severity | market | field                                                                |
      | UK.VAT.B2B_REVERSE.INVALID_ID | block    | GB     | vat_collection.scheme, ship_from_country, goods_value, buyer.vat_id |

  @UK.VAT.OMP_UK_STOCK
  Scenario: An overseas seller's goods in a UK warehouse, VAT charged by the seller
    Given an order from "GB" to "GB" with:
      """
      marketplace: amazon.co.uk
      marketplace_facilitates: true
      seller: {name: Shenzhen Gadgets Ltd, country: CN}
      goods_value: {amount: 420, currency: GBP}
      vat_charged: true
      vat_collection: {scheme: uk_vat, collected_by: seller, collected_at: checkout}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                | severity | market | field                                                                                   |
      | UK.VAT.OMP_UK_STOCK | block    | GB     | buyer.type, marketplace_facilitates, ship_from_country, seller.country, vat_collection.collected_by |
