Feature: eu.ucpd-claims - measurable superlatives need substantiation (UCPD Art. 6)
  "#1", "best-selling" or "la meilleure" are factual claims the trader must be able to prove
  anywhere in the EU and in Northern Ireland; the bare English "best" is puffery.

  @EU.UCPD.SUPERLATIVE
  Scenario Outline: Claims of first place in the languages of the market
    Given a listing for market "<market>" titled "<title>"
    When it is screened
    Then the findings are exactly:
      | rule                | severity | market   | field |
      | EU.UCPD.SUPERLATIVE | warn     | <market> | title |
    And the decision is "warn"

    Examples:
      | market | title                              |
      | FR     | La meilleure gourde du marché      |
      | FR     | Gourde n°1 des randonneurs         |
      | FR     | Gourde N° 1 des randonneurs        |
      | FR     | La gourde 1ère des ventes          |
      | ES     | Nº 1 en ventas                     |
      | ES     | La botella 1º en ventas            |
      | ES     | La botella más vendida: el más vendido |
      | IT     | Il thermos più venduto: il più venduto |
      | IE     | The No.1 water bottle              |
      | ES     | La mejor botella                   |
      | IT     | Il migliore thermos                |
      | IE     | The #1 water bottle                |
      | NL     | Best-selling water bottle          |
      | XI     | Top rated water bottle             |

  @EU.UCPD.SUPERLATIVE
  Scenario: The bare English "best" is puffery, not a measurable claim
    Given a listing for market "FR" titled "The best bottle for hikers"
    When it is screened
    Then there are no findings

  @EU.UCPD.SUPERLATIVE
  Scenario Outline: Factual phrases and numbers that claim no first place
    Given a listing for market "IE" titled "<title>"
    When it is screened
    Then there are no findings

    Examples:
      | title                                                  |
      | Dehydration is the number 1 cause of headaches on hikes |
      | Water bottle, model No. 1 of our 2026 range             |
      | Water bottle no. 12                                     |
      | There is no 1-size-fits-all bottle                      |

  @EU.UCPD.SUPERLATIVE
  Scenario: Great Britain is outside the directive
    Given a listing for market "GB" titled "The #1 water bottle"
    When it is screened
    Then there are no findings

  @EU.UCPD.SUPERLATIVE @DE.UWG.SUPERLATIVE
  Scenario: In Germany a claim of first place falls under the UCPD and the UWG
    Given a listing for market "DE" titled "The #1 water bottle"
    When it is screened
    Then the findings are exactly:
      | rule                | severity | market | field |
      | DE.UWG.SUPERLATIVE  | review   | DE     | title |
      | EU.UCPD.SUPERLATIVE | warn     | DE     | title |
    And the decision is "review"
