Feature: eu.ecgt-green-claims - generic and offset-based environmental claims (Directive (EU) 2024/825)
  From 27 September 2026 the Empowering Consumers Directive bans generic environmental claims
  without recognised excellent performance, climate-neutral claims based on offsetting and
  claims about the whole product that hold for one part only, and sustainability labels that
  are neither based on a certification scheme nor set up by a public authority, and requires a
  verified plan behind future performance claims. Officers see the claims on the law's date,
  not before.

  @EU.ECGT.GENERIC_GREEN_CLAIM
  Scenario: A generic "eco-friendly" claim without an ecolabel goes to review
    Given a listing for market "FR" titled "Eco-friendly water bottle"
    When it is screened as of "2026-10-01"
    Then the findings are exactly:
      | rule                        | severity | market | field |
      | EU.ECGT.GENERIC_GREEN_CLAIM | review   | FR     | title |

  @EU.ECGT.GENERIC_GREEN_CLAIM
  Scenario: The same claim the day before the directive applies is not flagged
    Given a listing for market "FR" titled "Eco-friendly water bottle"
    When it is screened as of "2026-09-26"
    Then there are no findings

  @EU.ECGT.GENERIC_GREEN_CLAIM
  Scenario: A product with the EU Ecolabel may say so
    Given a listing for market "FR" titled "Eco-friendly water bottle" with:
      """
      certifications: [{type: "EU Ecolabel", id: "DE/038/012"}]
      """
    When it is screened as of "2026-10-01"
    Then there are no findings

  @EU.ECGT.OFFSET_NEUTRAL_CLAIM
  Scenario: Carbon neutral through offsetting is banned
    Given a listing for market "FR" titled "Water bottle" with:
      """
      bullet_points: ["Carbon neutral product", "All emissions offset by certified carbon credits"]
      """
    When it is screened as of "2026-10-01"
    Then the findings are exactly:
      | rule                         | severity | market | field |
      | EU.ECGT.OFFSET_NEUTRAL_CLAIM | block    | FR     | bullet_points[0], bullet_points[1] |

  @EU.ECGT.NEUTRAL_CLAIM_BASIS
  Scenario: Carbon neutral without saying how goes to review
    Given a listing for market "FR" titled "Carbon neutral water bottle"
    When it is screened as of "2026-10-01"
    Then the findings are exactly:
      | rule                         | severity | market | field |
      | EU.ECGT.NEUTRAL_CLAIM_BASIS  | review   | FR     | title |

  @EU.ECGT.NEUTRAL_CLAIM_BASIS
  Scenario: "Geschmacksneutral" is not a neutrality claim
    Given a listing for market "DE" titled "Geschmacksneutrale Trinkflasche"
    When it is screened as of "2026-10-01"
    Then there are no findings

  @EU.ECGT.FUTURE_PERFORMANCE_CLAIM
  Scenario: "Net zero by 2030" needs a verified implementation plan
    Given a listing for market "FR" titled "Water bottle" with:
      """
      description: Our brand will be net zero by 2030.
      """
    When it is screened as of "2026-10-01"
    Then the findings are exactly:
      | rule                             | severity | market | field       |
      | EU.ECGT.FUTURE_PERFORMANCE_CLAIM | review   | FR     | description |

  @EU.ECGT.FUTURE_PERFORMANCE_CLAIM
  Scenario: A year that is not a target is not a future claim
    Given a listing for market "FR" titled "Water bottle" with:
      """
      description: Net weight 350 g, in stock since 2025.
      """
    When it is screened as of "2026-10-01"
    Then there are no findings

  @EU.ECGT.WHOLE_PRODUCT_CLAIM
  Scenario: "Fully recyclable" without naming the part goes to review
    Given a listing for market "FR" titled "Water bottle" with:
      """
      bullet_points: ["Fully recyclable", "Dishwasher safe"]
      """
    When it is screened as of "2026-10-01"
    Then the findings are exactly:
      | rule                        | severity | market | field            |
      | EU.ECGT.WHOLE_PRODUCT_CLAIM | review   | FR     | bullet_points[0] |

  @EU.ECGT.WHOLE_PRODUCT_CLAIM
  Scenario: A claim that names the packaging is not about the whole product
    Given a listing for market "FR" titled "Water bottle" with:
      """
      description: Recyclable packaging made of cardboard.
      """
    When it is screened as of "2026-10-01"
    Then there are no findings

  @EU.ECGT.SUSTAINABILITY_LABEL_UNCERTIFIED
  Scenario: The seller's own green seal is not a certification scheme
    Given a listing for market "DE" titled "Pflanztopf aus Steinzeug, 15 cm" with:
      """
      description: Mit unserem GreenLeaf-Siegel.
      certifications: [{type: GreenLeaf Seal, issued_by: Acme GmbH, document: other}]
      """
    When it is screened as of "2026-10-01"
    Then the findings are exactly:
      | rule                                     | severity | market | field                                             |
      | EU.ECGT.SUSTAINABILITY_LABEL_UNCERTIFIED | review   | DE     | certifications[0].document, certifications[0].type |

  @EU.ECGT.SUSTAINABILITY_LABEL_UNCERTIFIED
  Scenario: A label with a certification scheme's certificate may be shown (no finding)
    Given a listing for market "DE" titled "Pflanztopf aus Steinzeug, 15 cm" with:
      """
      certifications: [{type: Green Product Mark, document: certificate, issued_by: Example Certification GmbH, id: GPM-2026-114}]
      """
    When it is screened as of "2026-10-01"
    Then there are no findings

  @EU.ECGT.SUSTAINABILITY_LABEL_UNCERTIFIED
  Scenario: The EU Ecolabel is set up by a public authority (no finding)
    Given a listing for market "FR" titled "Pot de fleurs en grès 15 cm" with:
      """
      certifications: [{type: EU Ecolabel, id: "FR/038/001"}]
      """
    When it is screened as of "2026-10-01"
    Then there are no findings

  @EU.ECGT.SUSTAINABILITY_LABEL_UNCERTIFIED
  Scenario: The same seal the day before the ban applies (no finding)
    Given a listing for market "DE" titled "Pflanztopf aus Steinzeug, 15 cm" with:
      """
      certifications: [{type: GreenLeaf Seal, issued_by: Acme GmbH, document: other}]
      """
    When it is screened as of "2026-09-26"
    Then there are no findings
