Feature: uk.energy-label - Great Britain energy label - the class and label must be shown in online offers of labelled products
  The brief says Great Britain has the same online-display rule as the EU (UKDSI 2021, Schedule
  11): a dealer offering an energy-labelled product online shows the label and the product
  information sheet next to the price (a nested display - an arrow in the class colour with the
  class letter - is allowed). Northern Ireland follows the EU rule (eu.energy-label). The listing
  data has no energy-class field: this rule looks for the class or the label in the text, a
  registration (EPREL) in the certifications, or "energy"/"label"/"EPREL" in an image address, and
  flags labelled-category listings with none. The layout next to the price cannot be checked. The
  product group is read from words in title and category (the uncertain part).

  @UK.ENERGY.LABEL_MISSING
  Scenario: Washing machine with no class
    Given a listing for market "GB" titled "Washing machine 8 kg 1400 rpm"
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                    | severity | market | field |
      | UK.ENERGY.LABEL_MISSING | review   | GB     | title |

  @UK.ENERGY.LABEL_MISSING
  Scenario: Television without a label
    Given a listing for market "GB" titled "Smart TV 55 inch 4K" with:
      """
      {category: TV & Home Cinema}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                    | severity | market | field           |
      | UK.ENERGY.LABEL_MISSING | review   | GB     | category, title |

  @UK.ENERGY.LABEL_MISSING
  Scenario: Dishwasher-safe mug is not a dishwasher (no finding of this rule)
    Given a listing for market "GB" titled "Ceramic mug"
    When it is screened as of "2026-11-25"
    Then there are no findings

  @UK.ENERGY.LABEL_MISSING
  Scenario: Northern Ireland is screened by the EU rule (no finding of this rule)
    Given a listing for market "XI" titled "Washing machine 8 kg"
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                    | severity | market | field |
      | EU.ENERGY.LABEL_MISSING | review   | XI     | title |
