Feature: jp.customs-small-amount - duty and consumption-tax exemption for small imports to Japan
  Imports of a taxable value of at most JPY 10,000 pay no duty or consumption tax; a personal-use
  import is valued at 60 % of its overseas retail price.

  @JP.CUS.SMALL_10000.OVER_LIMIT
  Scenario: A consumer parcel priced JPY 20,000 declared tax-free goes to review
    Given a shipment from "CN" to "JP" with:
      """
      b2c: true
      declared_value: {amount: 20000, currency: JPY}
      items: [{description: Stainless steel water bottle, hs_code: "961700", quantity: 10, net_weight_kg: 3.5, gross_weight_kg: 4.2, origin_country: CN, value: {amount: 20000, currency: JPY}}]
      duty_relief_claimed: true
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                          | severity | market | field |
      | JP.CUS.SMALL_10000.OVER_LIMIT | review   | JP     | duty_relief_claimed, b2c, declared_value |

  @JP.CUS.SMALL_10000.OVER_LIMIT
  Scenario: A consumer parcel priced JPY 15,000 has a taxable value of JPY 9,000
    Given a shipment from "CN" to "JP" with:
      """
      b2c: true
      declared_value: {amount: 15000, currency: JPY}
      items: [{description: Stainless steel water bottle, hs_code: "961700", quantity: 10, net_weight_kg: 3.5, gross_weight_kg: 4.2, origin_country: CN, value: {amount: 15000, currency: JPY}}]
      duty_relief_claimed: true
      """
    When it is screened as of "2026-11-25"
    Then there are no findings
