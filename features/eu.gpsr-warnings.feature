Feature: eu.gpsr-warnings - EU GPSR Art. 19(d) - warnings in the offer in a language of the destination
  Art. 19(d) of Regulation (EU) 2023/988 requires an online offer to show the warnings and safety
  information that must be affixed to the product or its packaging, in a language easily
  understood by consumers as determined by the Member State where the product is offered. The
  language map used here (the official languages of each Member State; English for Northern
  Ireland) is the uncertain part (brief: M): a Member State may accept other languages, so the
  rules review rather than block. The map is split over five rules by region because durable_rules
  refuses one rule with a branch per market (error 113 above six branches of two conditions). Only
  warnings with a language each (warning_texts) are read; the older form (warnings with
  warning_languages) and warnings with no language are not screened. Which warnings a category
  requires is not in the brief (no category-to-warning map); the toy warnings are checked by
  eu.ce-toys.

  @EU.GPSR.19D.WARNING_LANGUAGE_WEST
  Scenario: English only, offered in Germany
    Given a listing for market "DE" titled "Gas camping stove" with:
      """
      warning_texts:
      - {text: Warning text., language: en}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                              | severity | market | field                 |
      | EU.GPSR.19D.WARNING_LANGUAGE_WEST | review   | DE     | market, warning_texts |

  @EU.GPSR.19D.WARNING_LANGUAGE_WEST
  Scenario: German only, offered in France
    Given a listing for market "FR" titled "Gas camping stove" with:
      """
      warning_texts:
      - {text: Warning text., language: de}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                              | severity | market | field                 |
      | EU.GPSR.19D.WARNING_LANGUAGE_WEST | review   | FR     | market, warning_texts |

  @EU.GPSR.19D.WARNING_LANGUAGE_WEST
  Scenario: French accepted in Belgium (no finding of this rule)
    Given a listing for market "BE" titled "Gas camping stove" with:
      """
      warning_texts:
      - {text: Warning text., language: fr}
      - {text: Warning text., language: en}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @EU.GPSR.19D.WARNING_LANGUAGE_WEST
  Scenario: Before the GPSR applied (no finding of this rule)
    Given a listing for market "DE" titled "Gas camping stove" with:
      """
      warning_texts:
      - {text: Warning text., language: en}
      """
    When it is screened as of "2024-12-12"
    Then there are no findings

  @EU.GPSR.19D.WARNING_LANGUAGE_SOUTH
  Scenario: English only, offered in Italy
    Given a listing for market "IT" titled "Gas camping stove" with:
      """
      warning_texts:
      - {text: Warning text., language: en}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                               | severity | market | field                 |
      | EU.GPSR.19D.WARNING_LANGUAGE_SOUTH | review   | IT     | market, warning_texts |

  @EU.GPSR.19D.WARNING_LANGUAGE_SOUTH
  Scenario: Spanish only, offered in Portugal
    Given a listing for market "PT" titled "Gas camping stove" with:
      """
      warning_texts:
      - {text: Warning text., language: es}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                               | severity | market | field                 |
      | EU.GPSR.19D.WARNING_LANGUAGE_SOUTH | review   | PT     | market, warning_texts |

  @EU.GPSR.19D.WARNING_LANGUAGE_SOUTH
  Scenario: English accepted in Malta (no finding of this rule)
    Given a listing for market "MT" titled "Gas camping stove" with:
      """
      warning_texts:
      - {text: Warning text., language: en}
      - {text: Warning text., language: en}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @EU.GPSR.19D.WARNING_LANGUAGE_SOUTH
  Scenario: Before the GPSR applied, EU.GPSR.19D.WARNING_LANGUAGE_SOUTH (no finding of this rule)
    Given a listing for market "IT" titled "Gas camping stove" with:
      """
      warning_texts:
      - {text: Warning text., language: en}
      """
    When it is screened as of "2024-12-12"
    Then there are no findings

  @EU.GPSR.19D.WARNING_LANGUAGE_CENTRAL
  Scenario: German only, offered in Poland
    Given a listing for market "PL" titled "Gas camping stove" with:
      """
      warning_texts:
      - {text: Warning text., language: de}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                                 | severity | market | field                 |
      | EU.GPSR.19D.WARNING_LANGUAGE_CENTRAL | review   | PL     | market, warning_texts |

  @EU.GPSR.19D.WARNING_LANGUAGE_CENTRAL
  Scenario: Czech only, offered in Slovakia
    Given a listing for market "SK" titled "Gas camping stove" with:
      """
      warning_texts:
      - {text: Warning text., language: cs}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                                 | severity | market | field                 |
      | EU.GPSR.19D.WARNING_LANGUAGE_CENTRAL | review   | SK     | market, warning_texts |

  @EU.GPSR.19D.WARNING_LANGUAGE_CENTRAL
  Scenario: Hungarian for Hungary (no finding of this rule)
    Given a listing for market "HU" titled "Gas camping stove" with:
      """
      warning_texts:
      - {text: Warning text., language: hu}
      - {text: Warning text., language: en}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @EU.GPSR.19D.WARNING_LANGUAGE_CENTRAL
  Scenario: Before the GPSR applied, EU.GPSR.19D.WARNING_LANGUAGE_CENTRAL (no finding of this rule)
    Given a listing for market "PL" titled "Gas camping stove" with:
      """
      warning_texts:
      - {text: Warning text., language: de}
      """
    When it is screened as of "2024-12-12"
    Then there are no findings

  @EU.GPSR.19D.WARNING_LANGUAGE_SOUTHEAST_NORDIC
  Scenario: English only, offered in Sweden
    Given a listing for market "SE" titled "Gas camping stove" with:
      """
      warning_texts:
      - {text: Warning text., language: en}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                                          | severity | market | field                 |
      | EU.GPSR.19D.WARNING_LANGUAGE_SOUTHEAST_NORDIC | review   | SE     | market, warning_texts |

  @EU.GPSR.19D.WARNING_LANGUAGE_SOUTHEAST_NORDIC
  Scenario: Norwegian only, offered in Denmark
    Given a listing for market "DK" titled "Gas camping stove" with:
      """
      warning_texts:
      - {text: Warning text., language: nb}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                                          | severity | market | field                 |
      | EU.GPSR.19D.WARNING_LANGUAGE_SOUTHEAST_NORDIC | review   | DK     | market, warning_texts |

  @EU.GPSR.19D.WARNING_LANGUAGE_SOUTHEAST_NORDIC
  Scenario: Bulgarian for Bulgaria (no finding of this rule)
    Given a listing for market "BG" titled "Gas camping stove" with:
      """
      warning_texts:
      - {text: Warning text., language: bg}
      - {text: Warning text., language: en}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @EU.GPSR.19D.WARNING_LANGUAGE_SOUTHEAST_NORDIC
  Scenario: Before the GPSR applied, EU.GPSR.19D.WARNING_LANGUAGE_SOUTHEAST_NORDIC (no finding of this rule)
    Given a listing for market "SE" titled "Gas camping stove" with:
      """
      warning_texts:
      - {text: Warning text., language: en}
      """
    When it is screened as of "2024-12-12"
    Then there are no findings

  @EU.GPSR.19D.WARNING_LANGUAGE_BALTIC_IRELAND
  Scenario: Russian only, offered in Latvia
    Given a listing for market "LV" titled "Gas camping stove" with:
      """
      warning_texts:
      - {text: Warning text., language: ru}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                                        | severity | market | field                 |
      | EU.GPSR.19D.WARNING_LANGUAGE_BALTIC_IRELAND | review   | LV     | market, warning_texts |

  @EU.GPSR.19D.WARNING_LANGUAGE_BALTIC_IRELAND
  Scenario: German only, offered in Ireland
    Given a listing for market "IE" titled "Gas camping stove" with:
      """
      warning_texts:
      - {text: Warning text., language: de}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                                        | severity | market | field                 |
      | EU.GPSR.19D.WARNING_LANGUAGE_BALTIC_IRELAND | review   | IE     | market, warning_texts |

  @EU.GPSR.19D.WARNING_LANGUAGE_BALTIC_IRELAND
  Scenario: Lithuanian for Lithuania (no finding of this rule)
    Given a listing for market "LT" titled "Gas camping stove" with:
      """
      warning_texts:
      - {text: Warning text., language: lt}
      - {text: Warning text., language: en}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @EU.GPSR.19D.WARNING_LANGUAGE_BALTIC_IRELAND
  Scenario: Before the GPSR applied, EU.GPSR.19D.WARNING_LANGUAGE_BALTIC_IRELAND (no finding of this rule)
    Given a listing for market "LV" titled "Gas camping stove" with:
      """
      warning_texts:
      - {text: Warning text., language: ru}
      """
    When it is screened as of "2024-12-12"
    Then there are no findings
