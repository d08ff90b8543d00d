Feature: global.customs-documents - tariff codes and consistent documents
  Every line needs a tariff code as long as the destination's declaration requires, and the
  commercial invoice must agree with the packing list.

  Scenario: A consistent shipment has no findings
    Given a shipment from "CN" to "US" with:
      """
      {}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @DOC.HS_MISSING
  Scenario: A line without a tariff code
    Given a shipment from "CN" to "US" with:
      """
      items: [{description: Water bottle, quantity: 10}]
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule           | severity | market | field            |
      | DOC.HS_MISSING | block    | US     | items[0].hs_code |

  @DOC.HS_LENGTH
  Scenario Outline: A tariff code shorter than the destination requires
    Given a shipment from "CN" to "<destination>" with:
      """
      items: [{description: Water bottle, hs_code: "<hs_code>", quantity: 10}]
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule          | severity | market        | field            |
      | DOC.HS_LENGTH | review   | <destination> | items[0].hs_code |

    Examples:
      | destination | hs_code  |
      | US          | 961700   |
      | DE          | 96170010 |

  @DOC.HS_LENGTH
  Scenario: Six digits are enough where no national length is known
    Given a shipment from "CN" to "AU" with:
      """
      items: [{description: Water bottle, hs_code: "961700", quantity: 10}]
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @DOC.QTY_MATCH
  Scenario: Invoice and packing list disagree on the quantity
    Given a shipment from "CN" to "US" with:
      """
      packing_list: {total_quantity: 12}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule          | severity | market | field                                             |
      | DOC.QTY_MATCH | review   | US     | invoice.total_quantity, packing_list.total_quantity |

  @DOC.WEIGHT_NET_GROSS
  Scenario: A net weight greater than the gross weight
    Given a shipment from "CN" to "US" with:
      """
      packing_list: {net_weight_kg: 5}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                 | severity | market | field                                                |
      | DOC.WEIGHT_NET_GROSS | review   | US     | packing_list.net_weight_kg, packing_list.gross_weight_kg |
