Feature: nz.restricted-goods - laser pointers and offensive weapons for New Zealand
  High-power laser pointers (over 1 mW) and offensive weapons may not be imported without
  consent.

  @NZ.LASER.POINTER_OVER_1MW
  Scenario: A 50 mW astronomy laser for New Zealand
    Given a listing for market "NZ" titled "Astronomy laser 50 mW" with:
      """
      attributes: {laser_mw: 50}
      """
    When it is screened
    Then the findings are exactly:
      | rule                      | severity | market | field                      |
      | NZ.LASER.POINTER_OVER_1MW | block    | NZ     | attributes.laser_mw, title |

  @NZ.LASER.POINTER_OVER_1MW
  Scenario: The day before the Order came into force
    Given a listing for market "NZ" titled "Astronomy laser 50 mW" with:
      """
      attributes: {laser_mw: 50}
      """
    When it is screened as of "2020-02-29"
    Then there are no findings

  @NZ.KNIFE.PROHIBITED_IMPORT
  Scenario: Throwing knives shipped into New Zealand
    Given a shipment from "CN" to "NZ" with:
      """
      items:
      - {description: "Throwing knives set of 3", hs_code: "8211930000", quantity: 10, net_weight_kg: 3.5, gross_weight_kg: 4.2, origin_country: CN, value: {amount: 80, currency: USD}}
      """
    When it is screened
    Then the findings are exactly:
      | rule                       | severity | market | field                          |
      | NZ.KNIFE.PROHIBITED_IMPORT | block    | NZ     | items[0].description |

  @NZ.KNIFE.PROHIBITED_IMPORT
  Scenario: A folding pocket knife is not prohibited
    Given a shipment from "CN" to "NZ" with:
      """
      items:
      - {description: "Folding pocket knife, 8 cm blade", hs_code: "8211930000", quantity: 10, net_weight_kg: 3.5, gross_weight_kg: 4.2, origin_country: CN, value: {amount: 80, currency: USD}}
      """
    When it is screened
    Then there are no findings
