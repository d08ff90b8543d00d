Feature: global.dangerous-goods - lithium batteries shipped alone
  Since 1 April 2022 lithium batteries shipped alone (UN3480, UN3090) are fully regulated
  Class 9 dangerous goods by air: not accepted by post or e-commerce air services.

  @DG.LI.STANDALONE
  Scenario Outline: A power bank cannot go by post, express or air
    Given a shipment to "DE" by "<mode>" of a "<un>" battery
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule             | severity | market | field                                   |
      | DG.LI.STANDALONE | block    | DE     | mode, items[0].dangerous_goods.un_number |
    And rule "DG.LI.STANDALONE" reports the value "<un>" in field "items[0].dangerous_goods.un_number"

    Examples:
      | mode    | un     |
      | post    | UN3480 |
      | express | UN3090 |
      | air     | UN3480 |

  @DG.LI.STANDALONE
  Scenario: The same power bank can go by sea
    Given a shipment to "DE" by "sea" of a "UN3480" battery
    When it is screened as of "2026-11-25"
    Then there are no findings

  @DG.LI.STANDALONE
  Scenario: Before 1 April 2022 Section II still allowed it
    Given a shipment to "DE" by "post" of a "UN3480" battery
    When it is screened as of "2022-03-31"
    Then there are no findings
