Feature: eu.vat-ioss - the EUR 150 Import One-Stop Shop limit
  Imported B2C consignments of at most EUR 150 have their VAT charged at checkout under IOSS;
  above EUR 150 IOSS cannot be used. Values in other currencies are converted with the ECB
  reference rate of the day. Goods shipped from inside the EU are not imports.

  @EU.VAT.IOSS_MISSING
  Scenario: An order under the IOSS limit after currency conversion needs IOSS
    Given an order from "CN" to "DE" worth 160 "USD" without an IOSS number
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                | severity | market | field                                             |
      | EU.VAT.IOSS_MISSING | review   | DE     | buyer.type, ship_from_country, goods_value, ioss_number |
    And the report shows a conversion from "USD" to "EUR"

  @EU.VAT.IOSS_MISSING
  Scenario Outline: Goods shipped from an EU member state are not imports
    Given an order from "<origin>" to "DE" worth 60 "EUR" without an IOSS number
    When it is screened as of "2026-11-25"
    Then there are no findings

    Examples:
      | origin |
      | PL     |
      | DE     |

  @EU.VAT.IOSS_OVER_LIMIT
  Scenario: An order over the IOSS limit cannot use IOSS
    Given an order from "CN" to "FR" worth 151 "EUR" with IOSS number "IM2500012345"
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                   | severity | market | field                    |
      | EU.VAT.IOSS_OVER_LIMIT | block    | FR     | ioss_number, goods_value |
    And the decision is "block"

  @EU.VAT.IOSS_OVER_LIMIT
  Scenario: Exactly EUR 150 is within the limit
    Given an order from "CN" to "FR" worth 150 "EUR" with IOSS number "IM2500012345"
    When it is screened as of "2026-11-25"
    Then there are no findings

  @EU.VAT.IOSS_FORMAT
  Scenario: An IOSS number that is not IM and 10 digits
    Given an order from "CN" to "IT" worth 40 "EUR" with IOSS number "IM27600001"
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule               | severity | market | field       |
      | EU.VAT.IOSS_FORMAT | block    | IT     | ioss_number |
