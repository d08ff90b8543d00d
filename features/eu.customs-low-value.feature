Feature: eu.customs-low-value - customs duty on low-value consignments into the EU
  From 1 July 2026 the EUR 150 duty relief no longer applies: B2C consignments of at most EUR 150
  pay EUR 3 per distinct tariff subheading, other consignments the normal duty.

  @EU.CUS.LVC_3EUR.RELIEF_CLAIMED
  Scenario: A parcel declared duty-free under the old relief after 30 June 2026 goes to review
    Given a shipment from "CN" to "DE" with:
      """
      mode: post
      b2c: true
      ioss_number: IM2760000001
      declared_value: {amount: 80, currency: USD}
      duty_relief_claimed: true
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                           | severity | market | field |
      | EU.CUS.LVC_3EUR.RELIEF_CLAIMED | review   | DE     | duty_relief_claimed, origin_country, declared_value |

  @EU.CUS.LVC_3EUR.RELIEF_CLAIMED
  Scenario: On 30 June 2026 the relief still applied
    Given a shipment from "CN" to "DE" with:
      """
      mode: post
      b2c: true
      ioss_number: IM2760000001
      declared_value: {amount: 80, currency: USD}
      duty_relief_claimed: true
      """
    When it is screened as of "2026-06-30"
    Then there are no findings

  @EU.CUS.LVC_3EUR.RELIEF_CLAIMED
  Scenario: Duty declared on the consignment
    Given a shipment from "CN" to "DE" with:
      """
      mode: post
      b2c: true
      ioss_number: IM2760000001
      declared_value: {amount: 80, currency: USD}
      duty_relief_claimed: false
      """
    When it is screened as of "2026-11-25"
    Then there are no findings
