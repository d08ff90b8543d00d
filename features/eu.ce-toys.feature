Feature: eu.ce-toys - EU toys - CE under the Toy Safety Directive (Regulation from 2030) and warnings shown online
  Toys (products designed or intended for play by children under 14) need CE and an EU declaration
  of conformity under Directive 2009/48/EC, and from 1 Aug 2030 under Regulation (EU) 2025/2509.
  Art. 11(2) of the Directive requires the purchase-deciding warnings (age limits, abilities,
  weight limits, adult supervision) and the other Annex V warnings to be visible before purchase,
  online included, so the listing itself must show them. Whether a listing is a toy is read from
  words in its title and category (pet and adult toys excluded): that word list is the uncertain
  part.

  @EU.CE.TOY_CE_MISSING
  Scenario: Toy without certifications
    Given a listing for market "DE" titled "Wooden stacking toy" with:
      """
      attributes: {children_product: true, min_age_years: 3}
      warning_texts:
      - {text: Warning. Not suitable for children under 36 months. Small parts. Choking hazard., language: en}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                              | severity | market | field                 |
      | EU.CE.TOY_CE_MISSING              | review   | DE     | attributes.min_age_years, title                 |
      | EU.GPSR.19D.WARNING_LANGUAGE_WEST | review   | DE     | market, warning_texts |

  @EU.CE.TOY_CE_MISSING
  Scenario: Spielzeug with only a US CPC
    Given a listing for market "DE" titled "Holzspielzeug Eisenbahn" with:
      """
      attributes: {children_product: true, min_age_years: 3}
      certifications:
      - {type: CPC}
      warning_texts:
      - {text: Warning. Not suitable for children under 36 months. Small parts. Choking hazard., language: en}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                              | severity | market | field                 |
      | EU.CE.TOY_CE_MISSING              | review   | DE     | attributes.min_age_years, title                 |
      | EU.GPSR.19D.WARNING_LANGUAGE_WEST | review   | DE     | market, warning_texts |

  @EU.CE.TOY_CE_MISSING
  Scenario: CE claimed (no finding of this rule)
    Given a listing for market "DE" titled "Wooden stacking toy" with:
      """
      attributes: {children_product: true, min_age_years: 3}
      certifications:
      - type: CE
        legislation: [2009/48/EC]
        standards: ['EN 71-1:2014+A1:2018']
      warning_texts:
      - {text: Warning. Not suitable for children under 36 months. Small parts. Choking hazard., language: en}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                              | severity | market | field                 |
      | EU.GPSR.19D.WARNING_LANGUAGE_WEST | review   | DE     | market, warning_texts |

  @EU.CE.TOY_CE_MISSING
  Scenario: Dog toy is not a toy (no finding of this rule)
    Given a listing for market "DE" titled "Dog toy rope" with:
      """
      attributes: {children_product: true, min_age_years: 3}
      warning_texts:
      - {text: Warning. Not suitable for children under 36 months. Small parts. Choking hazard., language: en}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                              | severity | market | field                 |
      | EU.GPSR.19D.WARNING_LANGUAGE_WEST | review   | DE     | market, warning_texts |

  @EU.CE.TOY_TSD_NOT_CITED
  Scenario: Toy declared under the GPSR only
    Given a listing for market "DE" titled "Wooden stacking toy" with:
      """
      attributes: {children_product: true, min_age_years: 3}
      certifications:
      - type: CE
        legislation: [(EU) 2023/988]
      warning_texts:
      - {text: Warning. Not suitable for children under 36 months. Small parts. Choking hazard., language: en}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                              | severity | market | field                         |
      | EU.CE.TOY_TSD_NOT_CITED           | review   | DE     | attributes.min_age_years, certifications[0].type, title |
      | EU.GPSR.19D.WARNING_LANGUAGE_WEST | review   | DE     | market, warning_texts         |

  @EU.CE.TOY_TSD_NOT_CITED
  Scenario: CE without acts
    Given a listing for market "DE" titled "Plush toy bear" with:
      """
      attributes: {children_product: true, min_age_years: 3}
      certifications:
      - {type: CE}
      warning_texts:
      - {text: Warning. Not suitable for children under 36 months. Small parts. Choking hazard., language: en}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                              | severity | market | field                         |
      | EU.CE.TOY_TSD_NOT_CITED           | review   | DE     | attributes.min_age_years, certifications[0].type, title |
      | EU.GPSR.19D.WARNING_LANGUAGE_WEST | review   | DE     | market, warning_texts         |

  @EU.CE.TOY_TSD_NOT_CITED
  Scenario: TSD cited (no finding of this rule)
    Given a listing for market "DE" titled "Wooden stacking toy" with:
      """
      attributes: {children_product: true, min_age_years: 3}
      certifications:
      - type: CE
        legislation: [2009/48/EC]
        standards: ['EN 71-1:2014+A1:2018']
      warning_texts:
      - {text: Warning. Not suitable for children under 36 months. Small parts. Choking hazard., language: en}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                              | severity | market | field                 |
      | EU.GPSR.19D.WARNING_LANGUAGE_WEST | review   | DE     | market, warning_texts |

  @EU.CE.TOY_TSD_NOT_CITED
  Scenario: From 1 Aug 2030 the Regulation rule applies instead (no finding of this rule)
    Given a listing for market "DE" titled "Wooden stacking toy" with:
      """
      attributes: {children_product: true, min_age_years: 3}
      certifications:
      - type: CE
        legislation: [(EU) 2025/2509]
      warning_texts:
      - {text: Warning. Not suitable for children under 36 months. Small parts. Choking hazard., language: en}
      """
    When it is screened as of "2030-08-01"
    Then the findings are exactly:
      | rule                              | severity | market | field                 |
      | EU.GPSR.19D.WARNING_LANGUAGE_WEST | review   | DE     | market, warning_texts |

  @EU.CE.TOY_TSR_NOT_CITED
  Scenario: Directive still cited
    Given a listing for market "DE" titled "Wooden stacking toy" with:
      """
      attributes: {children_product: true, min_age_years: 3}
      certifications:
      - type: CE
        legislation: [2009/48/EC]
        standards: ['EN 71-1:2014+A1:2018']
      warning_texts:
      - {text: Warning. Not suitable for children under 36 months. Small parts. Choking hazard., language: en}
      """
    When it is screened as of "2030-08-01"
    Then the findings are exactly:
      | rule                              | severity | market | field                         |
      | EU.CE.TOY_TSR_NOT_CITED           | review   | DE     | attributes.min_age_years, certifications[0].type, title |
      | EU.GPSR.19D.WARNING_LANGUAGE_WEST | review   | DE     | market, warning_texts         |

  @EU.CE.TOY_TSR_NOT_CITED
  Scenario: CE without acts, EU.CE.TOY_TSR_NOT_CITED
    Given a listing for market "DE" titled "Wooden stacking toy" with:
      """
      attributes: {children_product: true, min_age_years: 3}
      certifications:
      - {type: CE}
      warning_texts:
      - {text: Warning. Not suitable for children under 36 months. Small parts. Choking hazard., language: en}
      """
    When it is screened as of "2031-01-10"
    Then the findings are exactly:
      | rule                              | severity | market | field                         |
      | EU.CE.TOY_TSR_NOT_CITED           | review   | DE     | attributes.min_age_years, certifications[0].type, title |
      | EU.GPSR.19D.WARNING_LANGUAGE_WEST | review   | DE     | market, warning_texts         |

  @EU.CE.TOY_TSR_NOT_CITED
  Scenario: Regulation cited (no finding of this rule)
    Given a listing for market "DE" titled "Wooden stacking toy" with:
      """
      attributes: {children_product: true, min_age_years: 3}
      certifications:
      - type: CE
        legislation: [(EU) 2025/2509]
      warning_texts:
      - {text: Warning. Not suitable for children under 36 months. Small parts. Choking hazard., language: en}
      """
    When it is screened as of "2030-08-01"
    Then the findings are exactly:
      | rule                              | severity | market | field                 |
      | EU.GPSR.19D.WARNING_LANGUAGE_WEST | review   | DE     | market, warning_texts |

  @EU.CE.TOY_TSR_NOT_CITED
  Scenario: The day before the Regulation applies (no finding of this rule)
    Given a listing for market "DE" titled "Wooden stacking toy" with:
      """
      attributes: {children_product: true, min_age_years: 3}
      certifications:
      - type: CE
        legislation: [2009/48/EC]
        standards: ['EN 71-1:2014+A1:2018']
      warning_texts:
      - {text: Warning. Not suitable for children under 36 months. Small parts. Choking hazard., language: en}
      """
    When it is screened as of "2030-07-31"
    Then the findings are exactly:
      | rule                              | severity | market | field                 |
      | EU.GPSR.19D.WARNING_LANGUAGE_WEST | review   | DE     | market, warning_texts |

  @EU.CE.TOY_ONLINE_WARNINGS
  Scenario: No age, no warning
    Given a listing for market "DE" titled "Wooden stacking toy" with:
      """
      attributes: {children_product: true}
      certifications:
      - type: CE
        legislation: [2009/48/EC]
        standards: ['EN 71-1:2014+A1:2018']
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                      | severity | market | field                                                    |
      | EU.CE.TOY_ONLINE_WARNINGS | review   | DE     | attributes.min_age_years, title, warning_texts, warnings |

  @EU.CE.TOY_ONLINE_WARNINGS
  Scenario: Jouet sans avertissement
    Given a listing for market "FR" titled "Jouet en bois" with:
      """
      attributes: {children_product: true}
      certifications:
      - type: CE
        legislation: [2009/48/EC]
        standards: ['EN 71-1:2014+A1:2018']
      registrations:
        idu_fr: [{stream: toys, idu: FR234567_04DEFA}]
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                      | severity | market | field                                                    |
      | EU.CE.TOY_ONLINE_WARNINGS | review   | FR     | attributes.min_age_years, title, warning_texts, warnings |

  @EU.CE.TOY_ONLINE_WARNINGS
  Scenario: Plain warnings given (no finding of this rule)
    Given a listing for market "DE" titled "Wooden stacking toy" with:
      """
      attributes: {children_product: true}
      certifications:
      - type: CE
        legislation: [2009/48/EC]
        standards: ['EN 71-1:2014+A1:2018']
      warnings: [Warning. Adult supervision required.]
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @EU.CE.TOY_ONLINE_WARNINGS
  Scenario: Before the online-warning duty applied (no finding of this rule)
    Given a listing for market "DE" titled "Wooden stacking toy" with:
      """
      attributes: {children_product: true}
      certifications:
      - type: CE
        legislation: [2009/48/EC]
        standards: ['EN 71-1:2014+A1:2018']
      """
    When it is screened as of "2011-07-19"
    Then there are no findings

  @EU.CE.TOY_36M_NO_HAZARD
  Scenario: Warning without hazard
    Given a listing for market "DE" titled "Wooden stacking toy" with:
      """
      attributes: {children_product: true, min_age_years: 3}
      certifications:
      - type: CE
        legislation: [2009/48/EC]
        standards: ['EN 71-1:2014+A1:2018']
      warning_texts:
      - {text: Warning. Not suitable for children under 36 months., language: en}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                              | severity | market | field                 |
      | EU.CE.TOY_36M_NO_HAZARD           | review   | DE     | warning_texts[0].text |
      | EU.GPSR.19D.WARNING_LANGUAGE_WEST | review   | DE     | market, warning_texts |

  @EU.CE.TOY_36M_NO_HAZARD
  Scenario: German plain warning without hazard
    Given a listing for market "DE" titled "Wooden stacking toy" with:
      """
      attributes: {children_product: true, min_age_years: 3}
      certifications:
      - type: CE
        legislation: [2009/48/EC]
        standards: ['EN 71-1:2014+A1:2018']
      warnings: [Achtung! Nicht für Kinder unter 3 Jahren geeignet.]
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                    | severity | market | field       |
      | EU.CE.TOY_36M_NO_HAZARD | review   | DE     | warnings[0] |

  @EU.CE.TOY_36M_NO_HAZARD
  Scenario: Hazard in a second warning (no finding of this rule)
    Given a listing for market "DE" titled "Wooden stacking toy" with:
      """
      attributes: {children_product: true, min_age_years: 3}
      certifications:
      - type: CE
        legislation: [2009/48/EC]
        standards: ['EN 71-1:2014+A1:2018']
      warning_texts:
      - {text: Achtung! Nicht für Kinder unter 36 Monaten geeignet., language: de}
      - {text: Verschluckbare Kleinteile., language: de}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @EU.CE.TOY_36M_NO_HAZARD
  Scenario: No 36-month warning at all (no finding of this rule)
    Given a listing for market "DE" titled "Wooden stacking toy" with:
      """
      attributes: {children_product: true, min_age_years: 3}
      certifications:
      - type: CE
        legislation: [2009/48/EC]
        standards: ['EN 71-1:2014+A1:2018']
      warning_texts:
      - {text: Warning. Adult supervision required., language: en}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                              | severity | market | field                 |
      | EU.GPSR.19D.WARNING_LANGUAGE_WEST | review   | DE     | market, warning_texts |

  @EU.CE.TOY_36M_CONTRADICTION
  Scenario: Minimum age 1 with the warning
    Given a listing for market "DE" titled "Wooden stacking toy" with:
      """
      attributes: {children_product: true, min_age_years: 1}
      certifications:
      - type: CE
        legislation: [2009/48/EC]
        standards: ['EN 71-1:2014+A1:2018']
      warning_texts:
      - {text: Warning. Not suitable for children under 36 months. Small parts. Choking hazard., language: en}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                              | severity | market | field                                           |
      | EU.CE.TOY_36M_CONTRADICTION       | review   | DE     | attributes.min_age_years, warning_texts[0].text |
      | EU.GPSR.19D.WARNING_LANGUAGE_WEST | review   | DE     | market, warning_texts                           |

  @EU.CE.TOY_36M_CONTRADICTION
  Scenario: 12m+ in the title
    Given a listing for market "DE" titled "Stacking toy 12m+" with:
      """
      attributes: {children_product: true, min_age_years: 3}
      certifications:
      - type: CE
        legislation: [2009/48/EC]
        standards: ['EN 71-1:2014+A1:2018']
      warning_texts:
      - {text: Warning. Not suitable for children under 36 months. Small parts. Choking hazard., language: en}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                              | severity | market | field                        |
      | EU.CE.TOY_36M_CONTRADICTION       | review   | DE     | title, warning_texts[0].text |
      | EU.GPSR.19D.WARNING_LANGUAGE_WEST | review   | DE     | market, warning_texts        |

  @EU.CE.TOY_36M_CONTRADICTION
  Scenario: Minimum age just at 3 (no finding of this rule)
    Given a listing for market "DE" titled "Stacking toy from 3 years" with:
      """
      attributes: {children_product: true, min_age_years: 3}
      certifications:
      - type: CE
        legislation: [2009/48/EC]
        standards: ['EN 71-1:2014+A1:2018']
      warning_texts:
      - {text: Warning. Not suitable for children under 36 months. Small parts. Choking hazard., language: en}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                              | severity | market | field                 |
      | EU.GPSR.19D.WARNING_LANGUAGE_WEST | review   | DE     | market, warning_texts |

  @EU.CE.TOY_36M_CONTRADICTION
  Scenario: Baby toy without the warning (no finding of this rule)
    Given a listing for market "DE" titled "Baby toy rattle 6m+" with:
      """
      attributes: {children_product: true, min_age_years: 0.5}
      certifications:
      - type: CE
        legislation: [2009/48/EC]
        standards: ['EN 71-1:2014+A1:2018']
      warning_texts:
      - {text: Warning. Adult supervision required., language: en}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                              | severity | market | field                 |
      | EU.GPSR.19D.WARNING_LANGUAGE_WEST | review   | DE     | market, warning_texts |

  @EU.CE.TOY_SMALL_PARTS_NO_36M
  Scenario: Small parts, no age, no warning
    Given a listing for market "DE" titled "Wooden stacking toy" with:
      """
      attributes: {children_product: true, small_parts: true}
      certifications:
      - type: CE
        legislation: [2009/48/EC]
        standards: ['EN 71-1:2014+A1:2018']
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                         | severity | market | field                                                    |
      | EU.CE.TOY_ONLINE_WARNINGS    | review   | DE     | attributes.min_age_years, attributes.small_parts, title, warning_texts, warnings |
      | EU.CE.TOY_SMALL_PARTS_NO_36M | review   | DE     | attributes.min_age_years, attributes.small_parts, title                          |

  @EU.CE.TOY_SMALL_PARTS_NO_36M
  Scenario: Small parts, age 2, other warning only
    Given a listing for market "DE" titled "Wooden stacking toy" with:
      """
      attributes: {children_product: true, min_age_years: 2, small_parts: true}
      certifications:
      - type: CE
        legislation: [2009/48/EC]
        standards: ['EN 71-1:2014+A1:2018']
      warning_texts:
      - {text: Warning. Adult supervision required., language: en}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                              | severity | market | field                                                   |
      | EU.CE.TOY_SMALL_PARTS_NO_36M      | review   | DE     | attributes.min_age_years, attributes.small_parts, title |
      | EU.GPSR.19D.WARNING_LANGUAGE_WEST | review   | DE     | market, warning_texts                                   |

  @EU.CE.TOY_SMALL_PARTS_NO_36M
  Scenario: Warning shown (no finding of this rule)
    Given a listing for market "DE" titled "Wooden stacking toy" with:
      """
      attributes: {children_product: true, small_parts: true}
      certifications:
      - type: CE
        legislation: [2009/48/EC]
        standards: ['EN 71-1:2014+A1:2018']
      warning_texts:
      - {text: Warning. Not suitable for children under 36 months. Small parts. Choking hazard., language: en}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                              | severity | market | field                 |
      | EU.GPSR.19D.WARNING_LANGUAGE_WEST | review   | DE     | market, warning_texts |

  @EU.CE.TOY_SMALL_PARTS_NO_36M
  Scenario: Minimum age exactly 3 (no finding of this rule)
    Given a listing for market "DE" titled "Wooden stacking toy" with:
      """
      attributes: {children_product: true, min_age_years: 3, small_parts: true}
      certifications:
      - type: CE
        legislation: [2009/48/EC]
        standards: ['EN 71-1:2014+A1:2018']
      warnings: [Warning. Adult supervision required.]
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @EU.CE.TOY_TSR_BANNED_SUBSTANCE
  Scenario: PTFE coating
    Given a listing for market "DE" titled "Wooden stacking toy" with:
      """
      attributes:
        children_product: true
        min_age_years: 3
        chemicals: [PTFE coating]
      certifications:
      - type: CE
        legislation: [2009/48/EC]
        standards: ['EN 71-1:2014+A1:2018']
      warning_texts:
      - {text: Warning. Not suitable for children under 36 months. Small parts. Choking hazard., language: en}
      """
    When it is screened as of "2030-08-01"
    Then the findings are exactly:
      | rule                              | severity | market | field                          |
      | EU.CE.TOY_TSR_BANNED_SUBSTANCE    | review   | DE     | attributes.min_age_years, attributes.chemicals[0], title |
      | EU.CE.TOY_TSR_NOT_CITED           | review   | DE     | attributes.min_age_years, certifications[0].type, title  |
      | EU.GPSR.19D.WARNING_LANGUAGE_WEST | review   | DE     | market, warning_texts          |

  @EU.CE.TOY_TSR_BANNED_SUBSTANCE
  Scenario: Bisphenol A by CAS number
    Given a listing for market "DE" titled "Wooden stacking toy" with:
      """
      attributes:
        children_product: true
        min_age_years: 3
        chemicals: [80-05-7]
      certifications:
      - type: CE
        legislation: [2009/48/EC]
        standards: ['EN 71-1:2014+A1:2018']
      warning_texts:
      - {text: Warning. Not suitable for children under 36 months. Small parts. Choking hazard., language: en}
      """
    When it is screened as of "2031-03-01"
    Then the findings are exactly:
      | rule | severity | market | field |
      | EU.CE.TOY_TSR_BANNED_SUBSTANCE | review | DE | attributes.min_age_years, attributes.chemicals[0], title |
      | EU.CE.TOY_TSR_NOT_CITED | review | DE | attributes.min_age_years, certifications[0].type, title |
      | EU.GPSR.19D.WARNING_LANGUAGE_WEST | review | DE | market, warning_texts |
      | EU.REACH.SVHC.NO_STATEMENT | review | DE | attributes.chemicals[0], attributes.substances |

  @EU.CE.TOY_TSR_BANNED_SUBSTANCE
  Scenario: BPA-free is not BPA (no finding of this rule)
    Given a listing for market "DE" titled "Wooden stacking toy" with:
      """
      attributes:
        children_product: true
        min_age_years: 3
        chemicals: [BPA-free polypropylene]
      certifications:
      - type: CE
        legislation: [2009/48/EC]
        standards: ['EN 71-1:2014+A1:2018']
      warning_texts:
      - {text: Warning. Not suitable for children under 36 months. Small parts. Choking hazard., language: en}
      """
    When it is screened as of "2030-08-01"
    Then the findings are exactly:
      | rule                              | severity | market | field                         |
      | EU.CE.TOY_TSR_NOT_CITED           | review   | DE     | attributes.min_age_years, certifications[0].type, title |
      | EU.GPSR.19D.WARNING_LANGUAGE_WEST | review   | DE     | market, warning_texts         |

  @EU.CE.TOY_TSR_BANNED_SUBSTANCE
  Scenario: The day before (no finding of this rule)
    Given a listing for market "DE" titled "Wooden stacking toy" with:
      """
      attributes:
        children_product: true
        min_age_years: 3
        chemicals: [PTFE coating]
      certifications:
      - type: CE
        legislation: [2009/48/EC]
        standards: ['EN 71-1:2014+A1:2018']
      warning_texts:
      - {text: Warning. Not suitable for children under 36 months. Small parts. Choking hazard., language: en}
      """
    When it is screened as of "2030-07-31"
    Then the findings are exactly:
      | rule                              | severity | market | field                 |
      | EU.GPSR.19D.WARNING_LANGUAGE_WEST | review   | DE     | market, warning_texts |

  @EU.CE.TOY_WARNING_WORD
  Scenario: Bare warning text
    Given a listing for market "DE" titled "Wooden stacking toy" with:
      """
      attributes: {children_product: true, min_age_years: 3}
      certifications:
      - type: CE
        legislation: [2009/48/EC]
        standards: ['EN 71-1:2014+A1:2018']
      warning_texts:
      - {text: Not suitable for children under 36 months. Small parts., language: en}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                              | severity | market | field                 |
      | EU.CE.TOY_WARNING_WORD            | warn     | DE     | attributes.min_age_years, title, warning_texts  |
      | EU.GPSR.19D.WARNING_LANGUAGE_WEST | review   | DE     | market, warning_texts |

  @EU.CE.TOY_WARNING_WORD
  Scenario: German without Achtung
    Given a listing for market "DE" titled "Wooden stacking toy" with:
      """
      attributes: {children_product: true, min_age_years: 3}
      certifications:
      - type: CE
        legislation: [2009/48/EC]
        standards: ['EN 71-1:2014+A1:2018']
      warnings: [Nicht für Kinder unter 3 Jahren geeignet. Kleinteile.]
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                   | severity | market | field           |
      | EU.CE.TOY_WARNING_WORD | warn     | DE     | attributes.min_age_years, title, warnings |

  @EU.CE.TOY_WARNING_WORD
  Scenario: Achtung given (no finding of this rule)
    Given a listing for market "DE" titled "Wooden stacking toy" with:
      """
      attributes: {children_product: true, min_age_years: 3}
      certifications:
      - type: CE
        legislation: [2009/48/EC]
        standards: ['EN 71-1:2014+A1:2018']
      warning_texts:
      - {text: Achtung! Nicht für Kinder unter 3 Jahren geeignet. Kleinteile., language: de}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @EU.CE.TOY_WARNING_WORD
  Scenario: No warnings at all is another rule (no finding of this rule)
    Given a listing for market "DE" titled "Wooden stacking toy" with:
      """
      attributes: {children_product: true, min_age_years: 3}
      certifications:
      - type: CE
        legislation: [2009/48/EC]
        standards: ['EN 71-1:2014+A1:2018']
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @EU.CE.TOY_AQUATIC_WARNING
  Scenario: Swim ring with only the 36-month warning
    Given a listing for market "DE" titled "Inflatable swim ring 50 cm" with:
      """
      attributes: {children_product: true, min_age_years: 3}
      certifications:
      - type: CE
        legislation: [2009/48/EC]
        standards: ['EN 71-1:2014+A1:2018']
      warning_texts:
      - {text: Warning. Not suitable for children under 36 months. Small parts. Choking hazard., language: en}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                              | severity | market | field                 |
      | EU.CE.TOY_AQUATIC_WARNING         | review   | DE     | title                 |
      | EU.GPSR.19D.WARNING_LANGUAGE_WEST | review   | DE     | market, warning_texts |

  @EU.CE.TOY_AQUATIC_WARNING
  Scenario: Schwimmflügel without warning
    Given a listing for market "DE" titled "Schwimmflügel für Kinder" with:
      """
      attributes: {children_product: true, min_age_years: 3}
      certifications:
      - type: CE
        legislation: [2009/48/EC]
        standards: ['EN 71-1:2014+A1:2018']
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                      | severity | market | field |
      | EU.CE.TOY_AQUATIC_WARNING | review   | DE     | title |

  @EU.CE.TOY_AQUATIC_WARNING
  Scenario: Supervision warning shown (no finding of this rule)
    Given a listing for market "DE" titled "Inflatable swim ring" with:
      """
      attributes: {children_product: true, min_age_years: 3}
      certifications:
      - type: CE
        legislation: [2009/48/EC]
        standards: ['EN 71-1:2014+A1:2018']
      warning_texts:
      - {text: Warning. Only to be used in water in which the child is within its depth and under adult supervision.,
        language: en}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                              | severity | market | field                 |
      | EU.GPSR.19D.WARNING_LANGUAGE_WEST | review   | DE     | market, warning_texts |

  @EU.CE.TOY_AQUATIC_WARNING
  Scenario: Not an aquatic toy (no finding of this rule)
    Given a listing for market "DE" titled "Wooden stacking toy" with:
      """
      attributes: {children_product: true, min_age_years: 3}
      certifications:
      - type: CE
        legislation: [2009/48/EC]
        standards: ['EN 71-1:2014+A1:2018']
      warning_texts:
      - {text: Warning. Not suitable for children under 36 months. Small parts. Choking hazard., language: en}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                              | severity | market | field                 |
      | EU.GPSR.19D.WARNING_LANGUAGE_WEST | review   | DE     | market, warning_texts |

  @EU.CE.TOY_ACTIVITY_WARNING
  Scenario: Garden trampoline
    Given a listing for market "DE" titled "Garden trampoline 305 cm with net" with:
      """
      attributes: {children_product: true, min_age_years: 3}
      certifications:
      - type: CE
        legislation: [2009/48/EC]
        standards: ['EN 71-1:2014+A1:2018']
      warning_texts:
      - {text: Warning. Maximum user weight 100 kg., language: en}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                              | severity | market | field                 |
      | EU.CE.TOY_ACTIVITY_WARNING        | review   | DE     | title                 |
      | EU.GPSR.19D.WARNING_LANGUAGE_WEST | review   | DE     | market, warning_texts |

  @EU.CE.TOY_ACTIVITY_WARNING
  Scenario: Spielturm without warnings
    Given a listing for market "DE" titled "Spielturm mit Rutsche" with:
      """
      attributes: {children_product: true, min_age_years: 3}
      certifications:
      - type: CE
        legislation: [2009/48/EC]
        standards: ['EN 71-1:2014+A1:2018']
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                       | severity | market | field |
      | EU.CE.TOY_ACTIVITY_WARNING | review   | DE     | title |

  @EU.CE.TOY_ACTIVITY_WARNING
  Scenario: Domestic-use warning shown (no finding of this rule)
    Given a listing for market "DE" titled "Garden trampoline 305 cm" with:
      """
      attributes: {children_product: true, min_age_years: 3}
      certifications:
      - type: CE
        legislation: [2009/48/EC]
        standards: ['EN 71-1:2014+A1:2018']
      warning_texts:
      - {text: Warning. For domestic use only. Maximum user weight 100 kg., language: en}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                              | severity | market | field                 |
      | EU.GPSR.19D.WARNING_LANGUAGE_WEST | review   | DE     | market, warning_texts |

  @EU.CE.TOY_ACTIVITY_WARNING
  Scenario: Achtung in German (no finding of this rule)
    Given a listing for market "DE" titled "Kinderschaukel" with:
      """
      attributes: {children_product: true, min_age_years: 3}
      certifications:
      - type: CE
        legislation: [2009/48/EC]
        standards: ['EN 71-1:2014+A1:2018']
      warning_texts:
      - {text: Achtung! Nur für den Hausgebrauch., language: de}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @EU.CE.TOY_ONLINE_WARNINGS
  Scenario: A toy with small parts for ages 3 and up that shows no warning at all
    Given a listing for market "DE" titled "Holz-Steckpuzzle, 12 Formen" with:
      """
      category: Spielzeug > Puzzles
      attributes: {children_product: true, min_age_years: 3, small_parts: true}
      certifications:
      - type: CE
        legislation: [2009/48/EC]
        standards: ['EN 71-1:2014+A1:2018']
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                      | severity | market | field                                                                          |
      | EU.CE.TOY_ONLINE_WARNINGS | review   | DE     | attributes.min_age_years, attributes.small_parts, category, warning_texts, warnings |

  @EU.CE.TOY_CE_MISSING @EU.CE.TOY_ONLINE_WARNINGS
  Scenario: A 1000-piece puzzle for ages 14 and up is not a toy
    Given a listing for market "DE" titled "Puzzle 1000 Teile Alpenpanorama für Erwachsene" with:
      """
      attributes: {min_age_years: 14}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @EU.CE.TOY_WARNING_WORD
  Scenario Outline: The warning word of each language version of Annex V
    Given a listing for market "<market>" titled "Wooden stacking toy" with:
      """
      attributes: {children_product: true, min_age_years: 3, small_parts: true}
      certifications:
      - type: CE
        legislation: [2009/48/EC]
        standards: ['EN 71-1:2014+A1:2018']
      warning_texts:
      - {text: "<warning>", language: <language>}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

    Examples:
      | market | language | warning                                                         |
      | SE     | sv       | Varning: Inte lämplig för barn under 36 månader. Små delar.     |
      | FI     | fi       | Varoitus: Ei alle 36 kuukauden ikäisille lapsille. Pieniä osia. |
      | PL     | pl       | Ostrzeżenie: Nie dla dzieci poniżej 36 miesięcy. Małe części.   |
