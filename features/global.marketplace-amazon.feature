Feature: global.marketplace-amazon - Amazon's title, search-term and category-approval policies
  Amazon suppresses listings whose titles are too long, carry forbidden or decorative
  characters or sales talk, whose search terms carry subjective or temporary words or ASINs,
  and it gates some categories behind approval. These are store policies, not law: they apply
  only where the listing's marketplace is an Amazon store, and nothing blocks.

  @MKT.AMAZON.TITLE_LENGTH
  Scenario: A title over 200 characters on amazon.de goes to review
    Given a listing for market "DE" titled "Edelstahl Trinkflasche 750 ml auslaufsicher BPA-frei spülmaschinenfest für Sport Schule Büro Fahrrad Wandern Camping Outdoor Fitness Yoga Kinder Erwachsene Kohlensäure geeignet doppelwandig isoliert kalt 24 h heiß 12 h" with:
      """
      marketplace: amazon.de
      """
    When it is screened
    Then the findings are exactly:
      | rule                    | severity | market | field |
      | MKT.AMAZON.TITLE_LENGTH | review   | DE     | marketplace, title |

  @MKT.AMAZON.TITLE_LENGTH
  Scenario: The same long title on another marketplace is not Amazon's business
    Given a listing for market "DE" titled "Edelstahl Trinkflasche 750 ml auslaufsicher BPA-frei spülmaschinenfest für Sport Schule Büro Fahrrad Wandern Camping Outdoor Fitness Yoga Kinder Erwachsene Kohlensäure geeignet doppelwandig isoliert kalt 24 h heiß 12 h" with:
      """
      marketplace: ebay.de
      """
    When it is screened
    Then there are no findings

  @MKT.AMAZON.TITLE_CHARACTERS
  Scenario: An exclamation mark in the title goes to review
    Given a listing for market "DE" titled "Trinkflasche 750 ml - dicht!" with:
      """
      marketplace: amazon.de
      """
    When it is screened
    Then the findings are exactly:
      | rule                        | severity | market | field |
      | MKT.AMAZON.TITLE_CHARACTERS | review   | DE     | marketplace, title |

  @MKT.AMAZON.TITLE_CHARACTERS
  Scenario: Hyphens and commas are allowed in a title
    Given a listing for market "DE" titled "Trinkflasche 750 ml - auslaufsicher, BPA-frei" with:
      """
      marketplace: amazon.de
      """
    When it is screened
    Then there are no findings

  @MKT.AMAZON.TITLE_REPEATED_WORD
  Scenario: A word three times in the title goes to review
    Given a listing for market "DE" titled "Topf Topf Topf aus Steinzeug 15 cm" with:
      """
      marketplace: amazon.de
      """
    When it is screened
    Then the findings are exactly:
      | rule                           | severity | market | field                                           |
      | MKT.AMAZON.TITLE_REPEATED_WORD | review   | DE     | derived.title_most_repeated_word_count, marketplace |

  @MKT.AMAZON.TITLE_REPEATED_WORD
  Scenario Outline: Twice, or articles and prepositions, is within Amazon's rule
    Given a listing for market "<market>" titled "<title>" with:
      """
      marketplace: <store>
      """
    When it is screened
    Then there are no findings

    Examples:
      | market | store     | title                                              |
      | DE     | amazon.de | Topf und Untersetzer, Topf aus Steinzeug 15 cm     |
      | US     | amazon.com | Bottle for the gym, for the office and for the car |
      | DE     | amazon.de | Box 20 x 20 x 20 cm                                |
      | DE     | ebay.de   | Topf Topf Topf aus Steinzeug 15 cm                 |

  @MKT.AMAZON.TITLE_DECORATIVE_SYMBOL
  Scenario: Decorative asterisks around the title go to review
    Given a listing for market "DE" titled "*** Trinkflasche 750 ml ***" with:
      """
      marketplace: amazon.de
      """
    When it is screened
    Then the findings are exactly:
      | rule                              | severity | market | field |
      | MKT.AMAZON.TITLE_DECORATIVE_SYMBOL | review   | DE     | marketplace, title |

  @MKT.AMAZON.TITLE_DECORATIVE_SYMBOL
  Scenario: An asterisk used as a multiplication sign is not decoration
    Given a listing for market "DE" titled "Schneidebrett 40*30 cm" with:
      """
      marketplace: amazon.de
      """
    When it is screened
    Then there are no findings

  @MKT.AMAZON.TITLE_PROMOTIONAL
  Scenario: "Kostenloser Versand" in the title is sales talk
    Given a listing for market "DE" titled "Trinkflasche 750 ml - kostenloser Versand" with:
      """
      marketplace: amazon.de
      """
    When it is screened
    Then the findings are exactly:
      | rule                        | severity | market | field |
      | MKT.AMAZON.TITLE_PROMOTIONAL | review   | DE     | marketplace, title |

  @MKT.AMAZON.TITLE_PROMOTIONAL
  Scenario: "Salem" contains "sale" but is a place name
    Given a listing for market "DE" titled "Salem Trinkflasche 750 ml" with:
      """
      marketplace: amazon.de
      """
    When it is screened
    Then there are no findings

  @MKT.AMAZON.SEARCH_TERM_WORDS
  Scenario: A temporary word ("new") in the search terms goes to review
    Given a listing for market "DE" titled "Trinkflasche 750 ml" with:
      """
      marketplace: amazon.de
      keywords: [trinkflasche, "new water bottle", edelstahl]
      """
    When it is screened
    Then the findings are exactly:
      | rule                        | severity | market | field       |
      | MKT.AMAZON.SEARCH_TERM_WORDS | review   | DE     | keywords[1], marketplace |

  @MKT.AMAZON.SEARCH_TERM_WORDS
  Scenario: "Newton" contains "new" but is not a temporary word
    Given a listing for market "DE" titled "Trinkflasche 750 ml" with:
      """
      marketplace: amazon.de
      keywords: [trinkflasche, newton, edelstahl]
      """
    When it is screened
    Then there are no findings

  @MKT.AMAZON.SEARCH_TERM_BYTES
  Scenario: Search terms of 260 bytes (130 umlauts) go to review
    Given a listing for market "DE" titled "Trinkflasche 750 ml" with:
      """
      marketplace: amazon.de
      keywords: [ääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääää]
      """
    When it is screened
    Then the findings are exactly:
      | rule                          | severity | market | field                                  |
      | MKT.AMAZON.SEARCH_TERM_BYTES | review   | DE     | derived.search_terms_bytes, marketplace |

  @MKT.AMAZON.SEARCH_TERM_BYTES
  Scenario: 248 bytes are under the limit
    Given a listing for market "DE" titled "Trinkflasche 750 ml" with:
      """
      marketplace: amazon.de
      keywords: [ääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääää]
      """
    When it is screened
    Then there are no findings

  @MKT.AMAZON.SEARCH_TERM_ASIN
  Scenario: An ASIN in the search terms goes to review
    Given a listing for market "DE" titled "Trinkflasche 750 ml" with:
      """
      marketplace: amazon.de
      keywords: [trinkflasche, B08XYZ1234]
      """
    When it is screened
    Then the findings are exactly:
      | rule                       | severity | market | field       |
      | MKT.AMAZON.SEARCH_TERM_ASIN | review   | DE     | keywords[1], marketplace |

  @MKT.AMAZON.SEARCH_TERM_ASIN
  Scenario: "Vitamin B12" is not an ASIN
    Given a listing for market "DE" titled "Trinkflasche 750 ml" with:
      """
      marketplace: amazon.de
      keywords: [trinkflasche, "vitamin b12"]
      """
    When it is screened
    Then there are no findings

  @MKT.AMAZON.GATED_CATEGORY
  Scenario: Watches need Amazon's category approval
    Given a listing for market "DE" titled "Herrenuhr Edelstahl" with:
      """
      marketplace: amazon.de
      category: "Uhren > Herrenuhren"
      """
    When it is screened
    Then the findings are exactly:
      | rule                      | severity | market | field    |
      | MKT.AMAZON.GATED_CATEGORY | review   | DE     | category, marketplace |

  @MKT.AMAZON.GATED_CATEGORY
  Scenario: Smartwatches are electronics, not gated watches
    Given a listing for market "DE" titled "Smartwatch mit Pulsmesser" with:
      """
      marketplace: amazon.de
      category: "Electronics > Smartwatches"
      """
    When it is screened
    Then there are no findings
