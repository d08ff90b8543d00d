Feature: global.recalls - recalled products
  Listings whose GTIN, or brand and model, match a recall of the US CPSC or the EU Safety Gate
  are blocked. The recall lists are loaded by `clearance feeds update`; without them the rule
  is not evaluated and the report says so.

  @RECALL.PRODUCT
  Scenario Outline: A listing matching a recall
    Given the recall list of the CPSC test feed is loaded
    And a listing for market "US" titled "Space heater 1500 W" with:
      """
      <patch>
      """
    When it is screened
    Then the findings are exactly:
      | rule           | severity | market | field   |
      | RECALL.PRODUCT | block    | US     | <field> |

    Examples:
      | patch                                 | field |
      | {gtin: "012345678905"}                | gtin  |
      | {brand: Heatwave, model: HW-1500B}    | model |

  @RECALL.PRODUCT
  Scenario: Another model of the same brand
    Given the recall list of the CPSC test feed is loaded
    And a listing for market "US" titled "Space heater 9000 W" with:
      """
      {brand: Heatwave, model: HW-9000}
      """
    When it is screened
    Then there are no findings

  @RECALL.PRODUCT
  Scenario: Without recall lists the rule is not evaluated
    Given a listing for market "US" titled "Space heater 1500 W" with:
      """
      {gtin: "012345678905"}
      """
    When it is screened
    Then there are no findings
    And rule "RECALL.PRODUCT" is not evaluated for market "US"
