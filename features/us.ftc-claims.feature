Feature: us.ftc-claims - FTC Act claims, Made in USA, textile and fur labelling, reviews for reward
  The Federal Trade Commission treats unsupported objective claims, "Made in USA" claims that
  the listing itself contradicts, textile and fur products sold without fibre, origin or animal
  names, dog and cat fur, and rewards for positive reviews as deceptive. Officers see each claim
  with the field it was found in; whether substantiation exists is for a person to check.

  @US.FTC.OBJECTIVE_CLAIM
  Scenario: "#1" and "clinically proven" need substantiation
    Given a listing for market "US" titled "#1 Water Bottle on the market"
    When it is screened
    Then the findings are exactly:
      | rule                   | severity | market | field |
      | US.FTC.OBJECTIVE_CLAIM | review   | US     | title |

  @US.FTC.OBJECTIVE_CLAIM
  Scenario Outline: A number claim is caught however it is written
    Given a listing for market "US" titled "<title>"
    When it is screened
    Then the findings are exactly:
      | rule                   | severity | market | field |
      | US.FTC.OBJECTIVE_CLAIM | review   | US     | title |
    And rule "US.FTC.OBJECTIVE_CLAIM" reports the text "<matched>" in field "title"

    Examples:
      | title                          | matched |
      | No.1 Water Bottle              | No.1    |
      | The no1 water bottle           | no1     |
      | # 1 rated water bottle         | # 1 rated |
      | The №1 water bottle            | №1      |

  @US.FTC.OBJECTIVE_CLAIM
  Scenario Outline: Factual text with a claim word is not a claim about the product
    Given a listing for market "US" titled "<title>"
    When it is screened
    Then there are no findings

    Examples:
      | title                                                  |
      | Water bottle - dehydration is the #1 cause of cramps    |
      | Water bottle, model No. 1                               |

  @US.FTC.OBJECTIVE_CLAIM
  Scenario: A style number after "#" is not a ranking
    Given a listing for market "US" titled "Bottle style #12"
    When it is screened
    Then there are no findings

  @US.FTC.MUSA_CONTRADICTED
  Scenario: "Made in USA" next to "Imported" contradicts itself
    Given a listing for market "US" titled "Made in USA leather wallet" with:
      """
      description: Imported.
      manufacturer: {name: "Austin Leather LLC", country: US}
      """
    When it is screened
    Then the findings are exactly:
      | rule                     | severity | market | field              |
      | US.FTC.MUSA_CONTRADICTED | review   | US     | title, description |

  @US.FTC.MUSA_CONTRADICTED
  Scenario: A qualified claim naming the imported parts is allowed
    Given a listing for market "US" titled "Made in USA with imported parts - leather wallet" with:
      """
      description: Imported leather.
      """
    When it is screened
    Then there are no findings

  @US.FTC.MUSA_FOREIGN_MANUFACTURER
  Scenario: "Made in USA" from a manufacturer in China goes to review
    Given a listing for market "US" titled "Made in USA leather wallet" with:
      """
      manufacturer: {name: "Shenzhen Leather Co.", country: CN}
      """
    When it is screened
    Then the findings are exactly:
      | rule                             | severity | market | field                        |
      | US.FTC.MUSA_FOREIGN_MANUFACTURER | review   | US     | title, manufacturer.country  |

  @US.FTC.MUSA_FOREIGN_MANUFACTURER
  Scenario: "Made in USAF colours" is not a Made in USA claim
    Given a listing for market "US" titled "Made in USAF colours" with:
      """
      manufacturer: {name: "Shenzhen Leather Co.", country: CN}
      """
    When it is screened
    Then there are no findings

  @US.FTC.TEXTILE_ORIGIN_MISSING
  Scenario: A cotton T-shirt without its country of origin or fibre percentages
    Given a listing for market "US" titled "Cotton T-shirt crew neck" with:
      """
      description: Soft, pre-shrunk.
      """
    When it is screened
    Then the findings are exactly:
      | rule                         | severity | market | field |
      | US.FTC.TEXTILE_ORIGIN_MISSING | review   | US     | title, description |
      | US.FTC.TEXTILE_FIBRE_MISSING  | review   | US     | title, description |

  @US.FTC.TEXTILE_ORIGIN_MISSING
  Scenario: Dress shoes are not a textile product
    Given a listing for market "US" titled "Men's leather dress shoes"
    When it is screened
    Then there are no findings

  @US.FTC.TEXTILE_FIBRE_MISSING
  Scenario: A T-shirt without its fibre content
    Given a listing for market "US" titled "Crew neck T-shirt" with:
      """
      description: Soft and breathable. Imported.
      """
    When it is screened
    Then the findings are exactly:
      | rule                        | severity | market | field |
      | US.FTC.TEXTILE_FIBRE_MISSING | review   | US     | title, description |

  @US.FTC.TEXTILE_FIBRE_MISSING
  Scenario: Fibre content and origin stated
    Given a listing for market "US" titled "Crew neck T-shirt" with:
      """
      description: 60% cotton, 40% polyester. Imported.
      """
    When it is screened
    Then there are no findings

  @US.FTC.DOG_CAT_FUR
  Scenario: Cat fur is banned in the United States, and a blanket is also a textile product to label
    Given a listing for market "US" titled "Cat fur blanket"
    When it is screened
    Then the findings are exactly:
      | rule               | severity | market | field |
      | US.FTC.DOG_CAT_FUR            | block    | US     | title              |
      | US.FTC.TEXTILE_ORIGIN_MISSING | review   | US     | title, description |
      | US.FTC.TEXTILE_FIBRE_MISSING  | review   | US     | title, description |

  @US.FTC.DOG_CAT_FUR
  Scenario: A brush for dog fur is not dog fur
    Given a listing for market "US" titled "De-shedding brush for dog fur"
    When it is screened
    Then there are no findings

  @US.FTC.FUR_ANIMAL_NAME_MISSING
  Scenario: Real fur without the animal's name
    Given a listing for market "US" titled "Winter parka with real fur trim hood"
    When it is screened
    Then the findings are exactly:
      | rule                          | severity | market | field |
      | US.FTC.FUR_ANIMAL_NAME_MISSING | review   | US     | title |

  @US.FTC.FUR_ANIMAL_NAME_MISSING
  Scenario: Faux fur is not fur
    Given a listing for market "US" titled "Winter parka with faux fur trim"
    When it is screened
    Then there are no findings

  @US.FTC.REVIEW_FOR_REWARD
  Scenario: A gift for a 5-star review is banned by 16 CFR 465.4
    Given a listing for market "US" titled "Water bottle" with:
      """
      description: Leave a 5-star review and get a free gift!
      """
    When it is screened
    Then the findings are exactly:
      | rule                     | severity | market | field       |
      | US.FTC.REVIEW_FOR_REWARD | review   | US     | description |

  @US.FTC.REVIEW_FOR_REWARD
  Scenario: The day before the rule took effect
    Given a listing for market "US" titled "Water bottle" with:
      """
      description: Leave a 5-star review and get a free gift!
      """
    When it is screened as of "2024-10-20"
    Then there are no findings

  @US.FTC.FIBRE_IMPLYING_TERM
  Scenario: "Silky satin" implies a fibre the listing does not name
    Given a listing for market "US" titled "Silky satin pillowcase" with:
      """
      description: Smooth and cool. Imported.
      """
    When it is screened
    Then the findings are exactly:
      | rule                       | severity | market | field |
      | US.FTC.FIBRE_IMPLYING_TERM   | review   | US     | title, description |
      | US.FTC.TEXTILE_FIBRE_MISSING | review   | US     | title, description |

  @US.FTC.FIBRE_IMPLYING_TERM
  Scenario: A travel guide about the Silk Road is not a textile
    Given a listing for market "US" titled "Silk Road travel guide"
    When it is screened
    Then there are no findings
