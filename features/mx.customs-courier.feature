Feature: mx.customs-courier - courier simplified procedure for imports into Mexico
  Goods from countries without a trade agreement pay the global rate from the first dollar; only
  goods shipped from the US or Canada worth at most USD 50 are exempt.

  @MX.CUS.COURIER_2025.RELIEF_NOT_USMCA
  Scenario: A courier shipment from China declared duty-free goes to review
    Given a shipment from "CN" to "MX" with:
      """
      b2c: true
      declared_value: {amount: 40, currency: USD}
      duty_relief_claimed: true
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                                 | severity | market | field |
      | MX.CUS.COURIER_2025.RELIEF_NOT_USMCA | review   | MX     | duty_relief_claimed, mode, origin_country |

  @MX.CUS.COURIER_2025.RELIEF_NOT_USMCA
  Scenario: A courier shipment of USD 40 from the US is exempt
    Given a shipment from "US" to "MX" with:
      """
      b2c: true
      declared_value: {amount: 40, currency: USD}
      duty_relief_claimed: true
      """
    When it is screened as of "2026-11-25"
    Then there are no findings
