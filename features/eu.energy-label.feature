Feature: eu.energy-label - EU energy label - the class and label must be shown in online offers of labelled products
  Under Regulation (EU) 2017/1369 and the product delegated acts, a dealer offering an energy-
  labelled product online shows the label and the product information sheet next to the price (a
  nested display - an arrow in the class colour with the class letter - is allowed), and the
  product is registered in EPREL. The listing data has no energy-class field: these rules look for
  the class or the label in the text, an EPREL registration in the certifications, or
  "energy"/"label"/"EPREL" in an image address, and flag labelled-category listings with none. The
  layout next to the price and the EPREL registration itself cannot be checked. The product group
  is read from words in title and category (the uncertain part).

  @EU.ENERGY.LABEL_MISSING
  Scenario: Washing machine with no class
    Given a listing for market "DE" titled "Washing machine 8 kg 1400 rpm"
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                    | severity | market | field |
      | EU.ENERGY.LABEL_MISSING | review   | DE     | title |

  @EU.ENERGY.LABEL_MISSING
  Scenario: Fernseher ohne Label
    Given a listing for market "DE" titled "Fernseher 55 Zoll 4K" with:
      """
      {category: TV & Heimkino}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                    | severity | market | field           |
      | EU.ENERGY.LABEL_MISSING | review   | DE     | category, title |

  @EU.ENERGY.LABEL_MISSING
  Scenario: Dishwasher-safe mug is not a dishwasher (no finding of this rule)
    Given a listing for market "DE" titled "Ceramic mug"
    When it is screened as of "2026-11-25"
    Then there are no findings

  @EU.ENERGY.LABEL_MISSING
  Scenario: A Dutch oven is a pot (no finding of this rule)
    Given a listing for market "DE" titled "Cast iron Dutch oven 5 l"
    When it is screened as of "2026-11-25"
    Then there are no findings

  @EU.ENERGY.LABEL_MISSING_PHONE
  Scenario: Smartphone with no class
    Given a listing for market "DE" titled "Smartphone 128 GB"
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                          | severity | market | field |
      | EU.ENERGY.LABEL_MISSING_PHONE | warn     | DE     | title |

  @EU.ENERGY.LABEL_MISSING_PHONE
  Scenario: Tablet, first day
    Given a listing for market "DE" titled "Android tablet 10 inch"
    When it is screened as of "2025-06-20"
    Then the findings are exactly:
      | rule                          | severity | market | field |
      | EU.ENERGY.LABEL_MISSING_PHONE | warn     | DE     | title |

  @EU.ENERGY.LABEL_MISSING_PHONE
  Scenario: Class given (no finding of this rule)
    Given a listing for market "DE" titled "Smartphone 128 GB" with:
      """
      bullet_points: [Energy class B]
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @EU.ENERGY.LABEL_MISSING_PHONE
  Scenario: Tablet case is not a tablet (no finding of this rule)
    Given a listing for market "DE" titled "Tablet case 10 inch"
    When it is screened as of "2026-11-25"
    Then there are no findings
