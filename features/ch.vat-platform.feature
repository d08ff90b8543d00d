Feature: ch.vat-platform - Swiss VAT on sales through electronic platforms, and the Swiss rates
  From 1 January 2025 a platform that brings buyer and seller together and concludes the sale is
  the supplier for Swiss VAT (Art. 20a MWSTG); Swiss VAT charged at sale uses the Swiss rates
  (8.1 % standard since 2024).

  @CH.VAT.PLATFORM_2025.SELLER_COLLECTED
  Scenario: From 2025 the seller collecting VAT on a platform sale goes to review
    Given an order from "CN" to "CH" with:
      """
      marketplace: marketplace.example
      marketplace_facilitates: true
      goods_value: {amount: 80, currency: CHF}
      vat_charged: true
      vat_collection: {scheme: other, collected_by: seller, collected_at: checkout, rate_percent: 8.1, deemed_supplier: false}
      """
    When it is screened as of "2025-01-02"
    Then the findings are exactly:
      | rule                                  | severity | market | field |
      | CH.VAT.PLATFORM_2025.SELLER_COLLECTED | review   | CH     | marketplace_facilitates, vat_charged, vat_collection.collected_at, vat_collection.scheme, vat_collection.collected_by, vat_collection.deemed_supplier |

  @CH.VAT.PLATFORM_2025.SELLER_COLLECTED
  Scenario: On 31 December 2024 the seller was still the supplier
    Given an order from "CN" to "CH" with:
      """
      marketplace: marketplace.example
      marketplace_facilitates: true
      goods_value: {amount: 80, currency: CHF}
      vat_charged: true
      vat_collection: {scheme: other, collected_by: seller, collected_at: checkout, rate_percent: 8.1, deemed_supplier: false}
      """
    When it is screened as of "2024-12-31"
    Then there are no findings

  @CH.VAT.PLATFORM_2025.SELLER_COLLECTED
  Scenario: The platform charged the VAT as the deemed supplier
    Given an order from "CN" to "CH" with:
      """
      marketplace: marketplace.example
      marketplace_facilitates: true
      goods_value: {amount: 80, currency: CHF}
      vat_charged: true
      vat_collection: {scheme: other, collected_by: marketplace, collected_at: checkout, rate_percent: 8.1, deemed_supplier: true}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @CH.VAT.RATE_2024
  Scenario: German VAT charged on a Swiss sale
    Given an order from "DE" to "CH" with:
      """
      goods_value: {amount: 80, currency: CHF}
      vat_charged: true
      vat_collection: {scheme: other, collected_by: seller, collected_at: checkout, rate_percent: 19}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule             | severity | market | field |
      | CH.VAT.RATE_2024 | warn     | CH     | vat_charged, vat_collection.collected_at, vat_collection.scheme, vat_collection.rate_percent |

  @CH.VAT.RATE_2018
  Scenario: 8.1 % charged in 2023, before it was the rate
    Given an order from "DE" to "CH" with:
      """
      goods_value: {amount: 80, currency: CHF}
      vat_charged: true
      vat_collection: {scheme: other, collected_by: seller, collected_at: checkout, rate_percent: 8.1}
      """
    When it is screened as of "2023-06-30"
    Then the findings are exactly:
      | rule             | severity | market | field |
      | CH.VAT.RATE_2018 | warn     | CH     | vat_charged, vat_collection.collected_at, vat_collection.scheme, vat_collection.rate_percent |

  @CH.VAT.RATE_2018 @CH.VAT.RATE_2024
  Scenario: 7.7 % in 2023 and 2.6 % in 2026 are Swiss rates
    Given an order from "DE" to "CH" with:
      """
      goods_value: {amount: 30, currency: CHF}
      vat_charged: true
      vat_collection: {scheme: other, collected_by: seller, collected_at: checkout, rate_percent: 2.6}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings
