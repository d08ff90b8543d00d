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
      items: [{description: Water bottle, quantity: 10, origin_country: CN, value: {amount: 80, currency: USD}}]
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule           | severity | market | field            |
      | DOC.HS_MISSING | block    | US     | items[0].hs_code |

  @DOC.HS_LENGTH
  Scenario Outline: A tariff code shorter than the destination requires
    The evidence names why the full length applies: a market outside the EU, no reduced
    declaration type, no value within EUR 150.
    Given a shipment from "CN" to "<destination>" with:
      """
      items: [{description: Water bottle, hs_code: "<hs_code>", quantity: 10, origin_country: CN, value: {amount: 80, currency: USD}}]
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule          | severity | market        | field                                |
      | DOC.HS_LENGTH | review   | <destination> | <why_full>, items[0].hs_code |

    Examples:
      | destination | hs_code  | why_full                                 |
      | US          | 961700   | market, declaration_type, declared_value |
      | DE          | 96170010 | declaration_type, declared_value         |

  @DOC.HS_LENGTH
  Scenario: Six digits are enough where no national length is known
    Given a shipment from "CN" to "AU" with:
      """
      items: [{description: Water bottle, hs_code: "961700", quantity: 10}]
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @DOC.HS_LENGTH
  Scenario Outline: An EU low-value consignment on the reduced data set needs only 6 digits
    Given a shipment from "CN" to "DE" with:
      """
      declaration_type: <declaration>
      declared_value: {amount: <value>, currency: EUR}
      items: [{description: Water bottle, hs_code: "961700", quantity: 10, origin_country: CN, value: {amount: <value>, currency: EUR}}]
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

    Examples:
      | declaration   | value |
      | H7            | 150   |
      | super reduced | 22    |

  @DOC.HS_LENGTH
  Scenario Outline: A full declaration, or H7 above EUR 150, needs the 10-digit TARIC code
    Given a shipment from "CN" to "DE" with:
      """
      declaration_type: <declaration>
      declared_value: {amount: <value>, currency: EUR}
      items: [{description: Water bottle, hs_code: "961700", quantity: 10, origin_country: CN, value: {amount: <value>, currency: EUR}}]
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule          | severity | market | field                  |
      | DOC.HS_LENGTH | review   | DE     | <why>, items[0].hs_code |

    Examples:
      | declaration | value  | why              |
      | h1          | 40     | declaration_type |
      | h7          | 150.01 | declared_value   |

  @DOC.HS_LENGTH_REDUCED
  Scenario: The reduced data set still needs the 6-digit HS subheading
    Given a shipment from "CN" to "FR" with:
      """
      declaration_type: h7
      declared_value: {amount: 40, currency: EUR}
      items: [{description: Water bottle, hs_code: "9617", quantity: 10, origin_country: CN, value: {amount: 40, currency: EUR}}]
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                  | severity | market | field                                        |
      | DOC.HS_LENGTH_REDUCED | review   | FR     | declaration_type, declared_value, items[0].hs_code |

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
