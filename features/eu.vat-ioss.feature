Feature: eu.vat-ioss - the EUR 150 Import One-Stop Shop limit
  Imported B2C consignments of at most EUR 150 may have their VAT charged at checkout under
  IOSS; without IOSS the import VAT is paid at import, which is lawful. VAT charged at checkout
  without an IOSS number is charged twice; above EUR 150 IOSS cannot be used. Values in other
  currencies are converted with the ECB reference rate of the day. Goods shipped from inside
  the EU are not imports; an order that does not say where its goods ship from cannot be decided.

  @EU.VAT.IOSS_MISSING
  Scenario: An order under the IOSS limit that does not say how VAT is collected cannot be decided
    Given an order from "CN" to "DE" worth 160 "USD" without an IOSS number
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                | severity | market | field                                                                        |
      | EU.VAT.IOSS_MISSING | review   | DE     | buyer.type, ship_from_country, goods_value, ioss_number, vat_charged, vat_collection |
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

  @EU.VAT.IOSS_MISSING @EU.VAT.IOSS_DOUBLE_CHARGE
  Scenario Outline: Import VAT paid at delivery without IOSS is lawful
    Given an order from "CN" to "DE" with:
      """
      goods_value: {amount: <value>, currency: EUR}
      vat_charged: false
      vat_collection: {scheme: import VAT at border, collected_by: carrier at delivery, collected_at: delivery}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

    Examples:
      | value |
      | 40    |
      | 150   |

  @EU.VAT.IOSS_DOUBLE_CHARGE
  Scenario: VAT charged at checkout without an IOSS number is charged twice
    Given an order from "CN" to "AT" with:
      """
      goods_value: {amount: 35, currency: EUR}
      vat_charged: true
      vat_collection: {scheme: ioss, collected_by: seller, collected_at: checkout}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                       | severity | market | field                                                                                  |
      | EU.VAT.IOSS_DOUBLE_CHARGE  | block    | AT     | buyer.type, ship_from_country, goods_value, ioss_number, vat_charged, vat_collection.collected_at, vat_collection.scheme |

  @EU.VAT.IOSS_DOUBLE_CHARGE
  Scenario: A seller importing the goods itself and charging domestic VAT is not charged twice
    Given an order from "CN" to "AT" with:
      """
      goods_value: {amount: 35, currency: EUR}
      vat_charged: true
      vat_collection: {scheme: domestic, collected_by: seller, collected_at: checkout}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @EU.VAT.IOSS_ORIGIN_UNKNOWN
  Scenario: An order that does not say where the goods ship from is reported, not passed
    Given an order from "CN" to "DE" with:
      """
      ship_from_country: null
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                        | severity | market | field                         |
      | EU.VAT.IOSS_ORIGIN_UNKNOWN  | review   | DE     | buyer.type, ship_from_country |

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
