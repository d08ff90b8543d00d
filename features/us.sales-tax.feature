Feature: us.sales-tax - sales tax on marketplace-facilitated orders
  Every state with a general sales tax has an economic-nexus and a marketplace-facilitator law
  (Missouri, the last, from 1 January 2023): on an order through a marketplace facilitator the
  facilitator collects the sales tax, and the seller must not add its own tax to that order.
  Whether a seller crosses a state's economic-nexus threshold depends on its yearly sales into
  that state, which one order does not show, and orders carry no US state: that part is not
  screened.

  # US.TAX.MARKETPLACE_FACILITATOR.SELLER_COLLECTED: Seller collected sales tax on an order the marketplace facilitates
  @US.TAX.MARKETPLACE_FACILITATOR.SELLER_COLLECTED
  Scenario: Seller collected sales tax on an order the marketplace facilitates
    Given an order from "US" to "US" with:
      """
      date: '2026-11-25'
      marketplace: amazon.com
      marketplace_facilitates: true
      seller: {name: Acme Outfitters LLC, city: Denver, country: US}
      shipping_address: {name: Jane Doe, city: Austin, postal_code: '78701'}
      items:
      - sku: JKT-1
        title: Rain jacket
        quantity: 1
        unit_price: {amount: 120, currency: USD}
      vat_collection:
        collected_by: seller
        amount: {amount: 9.9, currency: USD}
      buyer: null
      ship_from_country: null
      goods_value: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                                            | severity | market | field                                                |
      | US.TAX.MARKETPLACE_FACILITATOR.SELLER_COLLECTED | warn     | US     | marketplace_facilitates, vat_collection.collected_by |

  @US.TAX.MARKETPLACE_FACILITATOR.SELLER_COLLECTED
  Scenario: The first day Missouri's law applied
    Given an order from "US" to "US" with:
      """
      date: '2026-11-25'
      marketplace: ebay.com
      marketplace_facilitates: true
      seller: {name: Acme Outfitters LLC, city: Denver, country: US}
      shipping_address: {name: John Roe, city: St. Louis, postal_code: '63101'}
      items:
      - sku: JKT-1
        title: Rain jacket
        quantity: 1
        unit_price: {amount: 120, currency: USD}
      vat_collection: {collected_by: seller}
      buyer: null
      ship_from_country: null
      goods_value: null
      """
    When it is screened as of "2023-01-01"
    Then the findings are exactly:
      | rule                                            | severity | market | field                                                |
      | US.TAX.MARKETPLACE_FACILITATOR.SELLER_COLLECTED | warn     | US     | marketplace_facilitates, vat_collection.collected_by |

  @US.TAX.MARKETPLACE_FACILITATOR.SELLER_COLLECTED
  Scenario: Not flagged - Near miss - the marketplace collected
    Given an order from "US" to "US" with:
      """
      date: '2026-11-25'
      marketplace: amazon.com
      marketplace_facilitates: true
      seller: {name: Acme Outfitters LLC, city: Denver, country: US}
      shipping_address: {name: Jane Doe, city: Austin, postal_code: '78701'}
      items:
      - sku: JKT-1
        title: Rain jacket
        quantity: 1
        unit_price: {amount: 120, currency: USD}
      vat_collection: {collected_by: marketplace}
      buyer: null
      ship_from_country: null
      goods_value: null
      """
    When it is screened
    Then there are no findings

  @US.TAX.MARKETPLACE_FACILITATOR.SELLER_COLLECTED
  Scenario: Not flagged - The day before Missouri's law completed the set
    Given an order from "US" to "US" with:
      """
      date: '2026-11-25'
      marketplace: amazon.com
      marketplace_facilitates: true
      seller: {name: Acme Outfitters LLC, city: Denver, country: US}
      shipping_address: {name: Jane Doe, city: Austin, postal_code: '78701'}
      items:
      - sku: JKT-1
        title: Rain jacket
        quantity: 1
        unit_price: {amount: 120, currency: USD}
      vat_collection: {collected_by: seller}
      buyer: null
      ship_from_country: null
      goods_value: null
      """
    When it is screened as of "2022-12-31"
    Then there are no findings
