Feature: de.uwg-claims - superlatives and test-winner claims in Germany (UWG section 5)
  Compliance officers want superlatives caught however sellers disguise them, without
  flagging ordinary words that merely contain one, and "Testsieger" only where the test is
  not named.

  @DE.UWG.SUPERLATIVE
  Scenario Outline: German superlatives are caught through disguises
    Given a listing for market "DE" titled "<title>"
    When it is screened
    Then the findings are exactly:
      | rule               | severity | market | field |
      | DE.UWG.SUPERLATIVE | review   | DE     | title |
    And the decision is "review"
    And rule "DE.UWG.SUPERLATIVE" reports the text "<matched>" in field "title"

    Examples:
      | title                              | matched          |
      | Die beste Trinkflasche             | beste            |
      | Die ＢＥＳＴＥ Trinkflasche          | ＢＥＳＴＥ          |
      | Die B E S T E Trinkflasche         | B E S T E        |
      | Die be​ste Trinkflasche         | be​ste            |
      | Die bеstе Trinkflasche             | bеstе            |
      | Der Marktführer für Trinkflaschen  | Marktführer      |
      | Der Marktfuehrer für Trinkflaschen | Marktfuehrer     |
      | Die groesste Auswahl               | groesste         |
      | Die grösste Auswahl                | grösste          |
      | Unschlagbar dicht                  | Unschlagbar      |

  @DE.UWG.SUPERLATIVE @EU.UCPD.SUPERLATIVE
  Scenario Outline: A numbered claim of first place, however written, falls under the UWG and the UCPD
    Given a listing for market "DE" titled "<title>"
    When it is screened
    Then the findings are exactly:
      | rule                | severity | market | field |
      | DE.UWG.SUPERLATIVE  | review   | DE     | title |
      | EU.UCPD.SUPERLATIVE | warn     | DE     | title |
    And rule "DE.UWG.SUPERLATIVE" reports the text "<matched>" in field "title"

    Examples:
      | title                              | matched |
      | Nr. 1 unter den Trinkflaschen      | Nr. 1   |
      | Nr.1 unter den Trinkflaschen       | Nr.1    |
      | Die No.1 Trinkflasche              | No.1    |
      | Die N°1 Trinkflasche               | N°1     |
      | Die Nº 1 Trinkflasche              | Nº 1    |
      | Die № 1 Trinkflasche               | № 1     |
      | Die no1 Trinkflasche               | no1     |

  @DE.UWG.SUPERLATIVE
  Scenario Outline: Plain words that contain a superlative are not flagged
    Given a listing for market "DE" titled "<title>"
    When it is screened
    Then there are no findings

    Examples:
      | title                                  |
      | Jetzt bestellen: Trinkflasche          |
      | Unser Bestseller aus Edelstahl         |
      | Bestellnummer 4711                     |
      | Trinkflasche, best before 12/2027      |
      | Trinkflasche, Best-before date 12/2027 |
      | Trinkflasche, größte Länge 30 cm       |
      | Trinkflasche, Art.-Nr. 12345           |

  @DE.UWG.SUPERLATIVE
  Scenario: A claim in a bullet point names the bullet point
    Given a listing for market "DE" titled "Trinkflasche" with:
      """
      bullet_points: [Auslaufsicher, "Nr. 1 in Deutschland"]
      """
    When it is screened
    Then the findings are exactly:
      | rule                | severity | market | field            |
      | DE.UWG.SUPERLATIVE  | review   | DE     | bullet_points[1] |
      | EU.UCPD.SUPERLATIVE | warn     | DE     | bullet_points[1] |

  @DE.UWG.TESTSIEGER
  Scenario: "Testsieger" without the test, its date and its source
    Given a listing for market "DE" titled "Testsieger Trinkflasche"
    When it is screened
    Then the findings are exactly:
      | rule              | severity | market | field              |
      | DE.UWG.TESTSIEGER | review   | DE     | title, description |

  @DE.UWG.TESTSIEGER
  Scenario: "Testsieger" naming the test is verifiable
    Given a listing for market "DE" titled "Testsieger Trinkflasche" with:
      """
      description: Testsieger bei Stiftung Warentest, Test 05/2026
      """
    When it is screened
    Then there are no findings
