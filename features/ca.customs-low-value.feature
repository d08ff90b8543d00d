Feature: ca.customs-low-value - low-value shipment thresholds for postal and courier imports to Canada
  Courier shipments shipped from the US or Mexico are duty-free up to CAD 150 (CUSMA, from 1 July
  2020); postal shipments and couriers from elsewhere only up to CAD 20.

  @CA.CUS.CUSMA_LVS.RELIEF_OVER_LIMIT
  Scenario: A courier shipment from China of CAD 60 declared duty-free goes to review
    Given a shipment from "CN" to "CA" with:
      """
      b2c: true
      declared_value: {amount: 60, currency: CAD}
      items: [{description: Stainless steel water bottle, hs_code: "9617001000", quantity: 10, net_weight_kg: 3.5, gross_weight_kg: 4.2, origin_country: CN, value: {amount: 60, currency: CAD}}]
      duty_relief_claimed: true
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                               | severity | market | field |
      | CA.CUS.CUSMA_LVS.RELIEF_OVER_LIMIT | review   | CA     | duty_relief_claimed, mode, origin_country, declared_value |

  @CA.CUS.CUSMA_LVS.RELIEF_OVER_LIMIT
  Scenario: The same shipment from the US is within the CAD 150 courier limit
    Given a shipment from "US" to "CA" with:
      """
      b2c: true
      declared_value: {amount: 60, currency: CAD}
      items: [{description: Stainless steel water bottle, hs_code: "9617001000", quantity: 10, net_weight_kg: 3.5, gross_weight_kg: 4.2, origin_country: US, value: {amount: 60, currency: CAD}}]
      duty_relief_claimed: true
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @CA.CUS.LVS_2019.RELIEF_OVER_LIMIT
  Scenario: Before 1 July 2020 a courier shipment from the US was free only up to CAD 20
    Given a shipment from "US" to "CA" with:
      """
      b2c: true
      declared_value: {amount: 60, currency: CAD}
      items: [{description: Stainless steel water bottle, hs_code: "9617001000", quantity: 10, net_weight_kg: 3.5, gross_weight_kg: 4.2, origin_country: US, value: {amount: 60, currency: CAD}}]
      duty_relief_claimed: true
      """
    When it is screened as of "2020-06-30"
    Then the findings are exactly:
      | rule                              | severity | market | field |
      | CA.CUS.LVS_2019.RELIEF_OVER_LIMIT | review   | CA     | duty_relief_claimed, mode, declared_value |
