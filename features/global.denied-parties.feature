Feature: global.denied-parties - parties on sanctions lists
  Buyers, consignees and exporters are screened against the sanctions lists loaded in
  rules/data/sanctions (names, legal forms and word order normalised, every alias a name of its
  own, name parts weighed by how rare they are on the lists); a strong match blocks, a weak one
  asks for review, and a buyer's third country is never held against a match.

  @SANCTIONS.DENIED_PARTY.ORDER
  Scenario: A buyer on the UN list, legal form and word order changed
    Given an order from "DE" to "DE" with:
      """
      buyer: {name: "Trading House Congomet Ltd.", country: CD}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                         | severity | market | field |
      | SANCTIONS.DENIED_PARTY.ORDER | block    | DE     | buyer |

  @SANCTIONS.POSSIBLE_MATCH
  Scenario: A misspelt listed name is a possible match for review
    Given an order from "DE" to "DE" with:
      """
      buyer: {name: "Kongomit Tradin Hous", country: CD}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                     | severity | market | field |
      | SANCTIONS.POSSIBLE_MATCH | review   | DE     | buyer |

  @SANCTIONS.DENIED_PARTY.ORDER
  Scenario: A listed name in another script, the order shipped to a third country
    Given an order from "DE" to "DE" with:
      """
      buyer: {name: "صدام حسين التكريتي", country: DE}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                         | severity | market | field |
      | SANCTIONS.DENIED_PARTY.ORDER | block    | DE     | buyer |

  @SANCTIONS.DENIED_PARTY.ORDER @SANCTIONS.POSSIBLE_MATCH
  Scenario: A short common name found inside longer listed names is not flagged
    Given an order from "DE" to "DE" with:
      """
      buyer: {name: Kim Chol, country: DE}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @SANCTIONS.DENIED_PARTY.ORDER @SANCTIONS.POSSIBLE_MATCH
  Scenario: A generic trading-company name is not flagged
    Given an order from "DE" to "DE" with:
      """
      buyer: {name: General Trading International Group LLC, country: AE}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @SANCTIONS.DENIED_PARTY.ORDER @SANCTIONS.POSSIBLE_MATCH
  Scenario: An ordinary buyer
    Given an order from "DE" to "DE" with:
      """
      buyer: {name: Max Muster, country: DE}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @SANCTIONS.DENIED_PARTY.SHIPMENT
  Scenario: A consignee on the UN list
    Given a shipment from "CN" to "AE" with:
      """
      consignee: {name: BUTEMBO AIRLINES, country: CD}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                            | severity | market | field     |
      | SANCTIONS.DENIED_PARTY.SHIPMENT | block    | AE     | consignee |
