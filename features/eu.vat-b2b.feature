Feature: eu.vat-b2b - B2B treatment needs a valid EU VAT number
  An intra-EU B2B supply needs the customer's VAT number in the Member State's format with a
  correct checksum (the VIES lookup itself is not made).

  @EU.VAT.B2B_ID
  Scenario Outline: A B2B order without a valid VAT number
    Given an order from "DE" to "FR" with:
      """
      buyer: {type: b2b, name: Dupont SARL, vat_id: <vat_id>}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule          | severity | market | field                |
      | EU.VAT.B2B_ID | review   | FR     | buyer.type, buyer.vat_id |

    Examples:
      | vat_id        |
      | FR40303265046 |
      | null          |

  @EU.VAT.B2B_ID
  Scenario: A valid VAT number, or a consumer order
    Given an order from "DE" to "FR" with:
      """
      buyer: {type: b2b, name: Dupont SARL, vat_id: FR40303265045}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings
