Feature: ca.gst-platforms - GST/HST on platform sales from Canadian stock
  Since 1 July 2021 a distribution platform that facilitates a sale of goods located in Canada
  by a vendor who is not registered charges GST/HST at checkout; a non-resident seller's own
  registration threshold (CAD 30,000 in 12 months) is not decidable on one order.

  @CA.GST.NRV.PLATFORM_NOT_COLLECTED
  Scenario: A platform sale from a Canadian warehouse for a Chinese seller without GST/HST
    Given an order from "CA" to "CA" with:
      """
      marketplace: marketplace.example
      marketplace_facilitates: true
      seller: {name: Shenzhen Gadgets Ltd, country: CN}
      goods_value: {amount: 89, currency: CAD}
      vat_charged: false
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                               | severity | market | field |
      | CA.GST.NRV.PLATFORM_NOT_COLLECTED  | review   | CA     | buyer.type, marketplace_facilitates, seller.country, ship_from_country, vat_charged |

  @CA.GST.NRV.PLATFORM_NOT_COLLECTED
  Scenario: The platform charged GST/HST at checkout
    Given an order from "CA" to "CA" with:
      """
      marketplace: marketplace.example
      marketplace_facilitates: true
      seller: {name: Shenzhen Gadgets Ltd, country: CN}
      goods_value: {amount: 89, currency: CAD}
      vat_charged: true
      vat_collection: {scheme: domestic, collected_by: marketplace, collected_at: checkout, rate_percent: 13}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @CA.GST.NRV.PLATFORM_NOT_COLLECTED
  Scenario: Near miss - shipped from China, so the customs low-value rules apply instead
    Given an order from "CN" to "CA" with:
      """
      marketplace: marketplace.example
      marketplace_facilitates: true
      seller: {name: Shenzhen Gadgets Ltd, country: CN}
      goods_value: {amount: 89, currency: CAD}
      vat_charged: false
      """
    When it is screened as of "2026-11-25"
    Then rule "CA.GST.NRV.PLATFORM_NOT_COLLECTED" does not fire
    And there are no findings
