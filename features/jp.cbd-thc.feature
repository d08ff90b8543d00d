Feature: jp.cbd-thc - Japan - residual delta-9-THC limits for CBD products (from 12 Dec 2024)
  Since 12 Dec 2024 (amended Cannabis Control Act and Narcotics and Psychotropics Control Act; MHLW
  ordinance in the Official Gazette of 11 Sep 2024) a CBD product is lawful in Japan only if its
  residual delta-9-THC stays at or under the limit for its form: oils and fats and powders 10 ppm,
  aqueous solutions (drinks) 0.1 ppm, other products 1 ppm. Above the limit the product is a
  narcotic and importing it is a crime. The limits are read from attributes.thc_ppm (the certificate
  of analysis) and attributes.product_form; a listing that gives no figure is asked for one, and a
  figure written only in the text is read when it is over every limit. Before 12 Dec 2024 the law
  regulated cannabis by plant part, not by a residual limit, so there is no earlier version of these
  rules.

  @JP.CBD.THC_OVER_10PPM
  Scenario: CBD product for Japan with residual delta-9-THC over 10 ppm (over ever: oil at 12 ppm
    Given a listing for market "JP" titled "CBDオイル 10ml" with:
      """
      attributes: {thc_ppm: 12, product_form: oil}
      """
    When it is screened as of "2025-03-01"
    Then the findings are exactly:
      | rule                  | severity | market | field              |
      | JP.CBD.THC_OVER_10PPM | block    | JP     | attributes.thc_ppm |

  @JP.CBD.THC_OVER_10PPM
  Scenario: CBD product for Japan with residual delta-9-THC over 10 ppm (over ever: powder at 10.5 ppm
    Given a listing for market "JP" titled "CBDパウダー" with:
      """
      attributes: {thc_ppm: 10.5, product_form: powder}
      """
    When it is screened as of "2025-03-01"
    Then the findings are exactly:
      | rule                  | severity | market | field              |
      | JP.CBD.THC_OVER_10PPM | block    | JP     | attributes.thc_ppm |

  @JP.CBD.THC_OVER_10PPM
  Scenario: near miss - exactly 10 ppm for an oil (no finding of JP.CBD.THC_OVER_10PPM)
    Given a listing for market "JP" titled "CBDオイル 10ml" with:
      """
      attributes: {thc_ppm: 10, product_form: oil}
      """
    When it is screened as of "2025-03-01"
    Then there are no findings

  @JP.CBD.THC_OVER_10PPM
  Scenario: near miss - the day before the limits applied (no finding of JP.CBD.THC_OVER_10PPM)
    Given a listing for market "JP" titled "CBDオイル 10ml" with:
      """
      attributes: {thc_ppm: 12, product_form: oil}
      """
    When it is screened as of "2024-12-11"
    Then there are no findings

  @JP.CBD.THC_OVER_LIMIT_AQUEOUS
  Scenario: Aqueous CBD product (drink) for Japan with residual delta-9-THC over 0: example 1
    Given a listing for market "JP" titled "CBDドリンク 350ml" with:
      """
      attributes: {thc_ppm: 0.2, product_form: aqueous}
      """
    When it is screened as of "2025-03-01"
    Then the findings are exactly:
      | rule                          | severity | market | field                                       |
      | JP.CBD.THC_OVER_LIMIT_AQUEOUS | block    | JP     | attributes.product_form, attributes.thc_ppm |

  @JP.CBD.THC_OVER_LIMIT_AQUEOUS
  Scenario: Aqueous CBD product (drink) for Japan with residual delta-9-THC over 0: example 2
    Given a listing for market "JP" titled "CBD water" with:
      """
      attributes: {thc_ppm: 5, product_form: aqueous}
      """
    When it is screened as of "2025-03-01"
    Then the findings are exactly:
      | rule                          | severity | market | field                                       |
      | JP.CBD.THC_OVER_LIMIT_AQUEOUS | block    | JP     | attributes.product_form, attributes.thc_ppm |

  @JP.CBD.THC_OVER_LIMIT_AQUEOUS
  Scenario: near miss - exactly 0.1 ppm (no finding of JP.CBD.THC_OVER_LIMIT_AQUEOUS)
    Given a listing for market "JP" titled "CBDドリンク 350ml" with:
      """
      attributes: {thc_ppm: 0.1, product_form: aqueous}
      """
    When it is screened as of "2025-03-01"
    Then there are no findings

  @JP.CBD.THC_OVER_LIMIT_AQUEOUS
  Scenario: an oil at 5 ppm is within its 10 ppm limit (no finding of JP.CBD.THC_OVER_LIMIT_AQUEOUS)
    Given a listing for market "JP" titled "CBDオイル 10ml" with:
      """
      attributes: {thc_ppm: 5, product_form: oil}
      """
    When it is screened as of "2025-03-01"
    Then there are no findings

  @JP.CBD.THC_OVER_LIMIT_OTHER
  Scenario: Other CBD product (gummies, food, cosmetic) for Japan with residual de: example 1
    Given a listing for market "JP" titled "CBDグミ" with:
      """
      attributes: {thc_ppm: 1.5, product_form: other}
      """
    When it is screened as of "2025-03-01"
    Then the findings are exactly:
      | rule                        | severity | market | field                                       |
      | JP.CBD.THC_OVER_LIMIT_OTHER | block    | JP     | attributes.product_form, attributes.thc_ppm |

  @JP.CBD.THC_OVER_LIMIT_OTHER
  Scenario: Other CBD product (gummies, food, cosmetic) for Japan with residual de: example 2
    Given a listing for market "JP" titled "CBD balm" with:
      """
      attributes: {thc_ppm: 8, product_form: other}
      """
    When it is screened as of "2025-03-01"
    Then the findings are exactly:
      | rule                        | severity | market | field                                       |
      | JP.CBD.THC_OVER_LIMIT_OTHER | block    | JP     | attributes.product_form, attributes.thc_ppm |

  @JP.CBD.THC_OVER_LIMIT_OTHER
  Scenario: near miss - exactly 1 ppm (no finding of JP.CBD.THC_OVER_LIMIT_OTHER)
    Given a listing for market "JP" titled "CBDグミ" with:
      """
      attributes: {thc_ppm: 1, product_form: other}
      """
    When it is screened as of "2025-03-01"
    Then there are no findings

  @JP.CBD.THC_OVER_LIMIT_OTHER
  Scenario: an oil at 8 ppm is within its limit (no finding of JP.CBD.THC_OVER_LIMIT_OTHER)
    Given a listing for market "JP" titled "CBDオイル 10ml" with:
      """
      attributes: {thc_ppm: 8, product_form: oil}
      """
    When it is screened as of "2025-03-01"
    Then there are no findings

  @JP.CBD.THC_FORM_UNKNOWN
  Scenario: CBD product for Japan with residual delta-9-THC over 0.1 ppm and no pr: example 1
    Given a listing for market "JP" titled "CBDオイル 10ml" with:
      """
      attributes: {thc_ppm: 5}
      """
    When it is screened as of "2025-03-01"
    Then the findings are exactly:
      | rule                    | severity | market | field                                       |
      | JP.CBD.THC_FORM_UNKNOWN | review   | JP     | attributes.product_form, attributes.thc_ppm |

  @JP.CBD.THC_FORM_UNKNOWN
  Scenario: CBD product for Japan with residual delta-9-THC over 0.1 ppm and no pr: example 2
    Given a listing for market "JP" titled "CBD gummies" with:
      """
      attributes: {thc_ppm: 0.5}
      """
    When it is screened as of "2025-03-01"
    Then the findings are exactly:
      | rule                    | severity | market | field                                       |
      | JP.CBD.THC_FORM_UNKNOWN | review   | JP     | attributes.product_form, attributes.thc_ppm |

  @JP.CBD.THC_FORM_UNKNOWN
  Scenario: near miss - 0.1 ppm is within every limit (no finding of JP.CBD.THC_FORM_UNKNOWN)
    Given a listing for market "JP" titled "CBDオイル 10ml" with:
      """
      attributes: {thc_ppm: 0.1}
      """
    When it is screened as of "2025-03-01"
    Then there are no findings

  @JP.CBD.THC_FORM_UNKNOWN
  Scenario: form given (no finding of JP.CBD.THC_FORM_UNKNOWN)
    Given a listing for market "JP" titled "CBDオイル 10ml" with:
      """
      attributes: {thc_ppm: 9, product_form: oil}
      """
    When it is screened as of "2025-03-01"
    Then there are no findings

  @JP.CBD.THC_STATED_OVER_10PPM
  Scenario: CBD listing for Japan whose text states residual THC over 10 ppm: example 1
    Given a listing for market "JP" titled "CBDオイル 10ml" with:
      """
      {description: CBDオイル、Δ9-THC 残留 12 ppm。}
      """
    When it is screened as of "2025-03-01"
    Then the findings are exactly:
      | rule                         | severity | market | field                                  |
      | JP.CBD.THC_STATED_OVER_10PPM | block    | JP     | attributes.thc_ppm, description, title |

  @JP.CBD.THC_STATED_OVER_10PPM
  Scenario: CBD listing for Japan whose text states residual THC over 10 ppm: example 2
    Given a listing for market "JP" titled "CBDオイル 10ml" with:
      """
      {description: 'Full spectrum CBD oil, THC: 25ppm'}
      """
    When it is screened as of "2025-03-01"
    Then the findings are exactly:
      | rule                         | severity | market | field                                  |
      | JP.CBD.THC_STATED_OVER_10PPM | block    | JP     | attributes.thc_ppm, description, title |

  @JP.CBD.THC_STATED_OVER_10PPM
  Scenario: near miss - 9 ppm stated (no finding of JP.CBD.THC_STATED_OVER_10PPM)
    Given a listing for market "JP" titled "CBDオイル 10ml" with:
      """
      {description: CBDオイル、Δ9-THC 残留 9 ppm。}
      """
    When it is screened as of "2025-03-01"
    Then there are no findings

  @JP.CBD.THC_STATED_OVER_10PPM
  Scenario: near miss - exactly 10 ppm stated (no finding of JP.CBD.THC_STATED_OVER_10PPM)
    Given a listing for market "JP" titled "CBDオイル 10ml" with:
      """
      {description: 'CBD oil, THC 10 ppm'}
      """
    When it is screened as of "2025-03-01"
    Then there are no findings

  @JP.CBD.THC_NOT_DECLARED
  Scenario: CBD listing for Japan that states no residual THC figure: example 1
    Given a listing for market "JP" titled "CBDオイル 10ml" with:
      """
      {}
      """
    When it is screened as of "2025-03-01"
    Then the findings are exactly:
      | rule                    | severity | market | field                                  |
      | JP.CBD.THC_NOT_DECLARED | review   | JP     | attributes.thc_ppm, description, title |

  @JP.CBD.THC_NOT_DECLARED
  Scenario: CBD listing for Japan that states no residual THC figure: example 2
    Given a listing for market "JP" titled "CBD gummies 25 mg" with:
      """
      {description: 'Broad spectrum, THC free.'}
      """
    When it is screened as of "2025-03-01"
    Then the findings are exactly:
      | rule                    | severity | market | field                                  |
      | JP.CBD.THC_NOT_DECLARED | review   | JP     | attributes.thc_ppm, description, title |

  @JP.CBD.THC_NOT_DECLARED
  Scenario: figure stated in the text (no finding of JP.CBD.THC_NOT_DECLARED)
    Given a listing for market "JP" titled "CBDオイル 10ml" with:
      """
      {description: CBDオイル、Δ9-THC 残留 9 ppm。}
      """
    When it is screened as of "2025-03-01"
    Then there are no findings

  @JP.CBD.THC_NOT_DECLARED
  Scenario: near miss - hemp seed oil is not a CBD product (no finding of JP.CBD.THC_NOT_DECLARED)
    Given a listing for market "JP" titled "ヘンプシードオイル hemp seed oil" with:
      """
      {}
      """
    When it is screened as of "2025-03-01"
    Then there are no findings
