Feature: eu.gpsr - what every online offer in the EU must show (GPSR Art. 19)
  The General Product Safety Regulation applies from 13 December 2024 in the EU and in
  Northern Ireland, not in Great Britain: an offer must name the manufacturer, an EU
  responsible person when the manufacturer is outside the EU, and identify the product.

  @EU.GPSR.19A.MANUFACTURER
  Scenario: Manufacturer information is required from 13 December 2024
    Given a listing for market "DE" titled "Trinkflasche" without a manufacturer
    When it is screened as of "2024-12-12"
    Then there are no findings
    When it is screened as of "2024-12-13"
    Then the findings are exactly:
      | rule                     | severity | market | field                                                                   |
      | EU.GPSR.19A.MANUFACTURER | block    | DE     | manufacturer.name, manufacturer.trade_name, manufacturer.address, manufacturer.email, manufacturer.url |
    And the decision is "block"

  @EU.GPSR.19A.MANUFACTURER
  Scenario: An electronic address is needed besides the postal one
    Given a listing for market "FR" titled "Gourde" with:
      """
      manufacturer: {email: null}
      """
    When it is screened
    Then the findings are exactly:
      | rule                     | severity | market | field                                 |
      | EU.GPSR.19A.MANUFACTURER | block    | FR     | manufacturer.email, manufacturer.url |

  @EU.GPSR.19A.MANUFACTURER
  Scenario: Great Britain is outside the GPSR
    Given a listing for market "GB" titled "Water bottle" without a manufacturer
    When it is screened as of "2026-11-25"
    Then there are no findings

  @EU.GPSR.19A.MANUFACTURER
  Scenario: The registered trade name or trade mark may stand for the name
    Given a listing for market "IT" titled "Borraccia" with:
      """
      manufacturer: {name: null, trade_name: Acme}
      """
    When it is screened
    Then there are no findings

  @EU.GPSR.19A.MANUFACTURER
  Scenario: Neither the name nor a trade name or trade mark
    Given a listing for market "IT" titled "Borraccia" with:
      """
      manufacturer: {name: null}
      """
    When it is screened
    Then the findings are exactly:
      | rule                     | severity | market | field                                          |
      | EU.GPSR.19A.MANUFACTURER | block    | IT     | manufacturer.name, manufacturer.trade_name |

  @EU.GPSR.19B.EU_RP
  Scenario: A manufacturer outside the EU needs an EU responsible person in the offer
    Given a listing for market "DE" titled "Trinkflasche" with:
      """
      manufacturer: {country: CN}
      """
    When it is screened
    Then the findings are exactly:
      | rule              | severity | market | field                                                                                                                                  |
      | EU.GPSR.19B.EU_RP | block    | DE     | manufacturer.country, eu_responsible_person.name, eu_responsible_person.address, eu_responsible_person.email, eu_responsible_person.url, eu_responsible_person.country |

  @EU.GPSR.19B.EU_RP
  Scenario: The responsible person must be established in the EU, not in Great Britain
    Given a listing for market "NL" titled "Drinkfles" with:
      """
      manufacturer: {country: CN}
      eu_responsible_person: {name: RP Ltd, address: "1 High St, London", country: GB, email: rp@example.com}
      """
    When it is screened
    Then the findings are exactly:
      | rule              | severity | market | field                                              |
      | EU.GPSR.19B.EU_RP | block    | NL     | manufacturer.country, eu_responsible_person.country |

  @EU.GPSR.19B.EU_RP
  Scenario Outline: A responsible person in the EU or in Northern Ireland is enough
    Given a listing for market "DE" titled "Trinkflasche" with:
      """
      manufacturer: {country: CN}
      eu_responsible_person: {name: EU Rep, address: "Damrak 1", country: <country>, email: rep@eurep.example}
      """
    When it is screened
    Then there are no findings

    Examples:
      | country |
      | NL      |
      | XI      |

  @EU.GPSR.19C.PRODUCT_ID
  Scenario: An offer without a picture of the product
    Given a listing for market "IE" titled "Water bottle" with:
      """
      images: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                   | severity | market | field  |
      | EU.GPSR.19C.PRODUCT_ID | block    | IE     | images |

  @EU.GPSR.19C.PRODUCT_ID
  Scenario: An offer with a picture but nothing that identifies the product
    Given a listing for market "DE" titled "Trinkflasche" with:
      """
      model: null
      batch: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                   | severity | market | field                          |
      | EU.GPSR.19C.PRODUCT_ID | block    | DE     | model, gtin, batch, serial, mpn |

  @EU.GPSR.19C.PRODUCT_ID
  Scenario: A GTIN does not replace the type or model
    Given a listing for market "FR" titled "Gourde" with:
      """
      model: null
      gtin: "4006381333931"
      """
    When it is screened
    Then the findings are exactly:
      | rule                   | severity | market | field |
      | EU.GPSR.19C.PRODUCT_ID | block    | FR     | model |

  @EU.GPSR.19C.PRODUCT_ID
  Scenario: The model alone is not enough: a further identifier is needed
    Given a listing for market "NL" titled "Drinkfles" with:
      """
      batch: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                   | severity | market | field                     |
      | EU.GPSR.19C.PRODUCT_ID | block    | NL     | gtin, batch, serial, mpn |

  @EU.GPSR.19C.PRODUCT_ID
  Scenario: Picture, model and a batch number identify the product
    Given a listing for market "NL" titled "Drinkfles"
    When it is screened
    Then there are no findings
