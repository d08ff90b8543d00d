Feature: eu.crd-guarantee - EU - harmonised notice on the legal guarantee of conformity in consumer offers (from 27 Sep 2026)
  From 27 September 2026 a trader gives consumers the main elements of the legal guarantee of
  conformity with the harmonised notice of Implementing Regulation (EU) 2025/1960 before the
  contract is concluded. An offer that declares it does not show the notice goes to review; an
  offer that records nothing about it and does not mention the legal guarantee is reported for
  information only, because the notice is due before the contract, not on every product page.

  @EU.CRD.GUARANTEE_NOTICE_NOT_SHOWN
  Scenario: The seller declares the offer does not show the notice
    Given a listing for market "DE" titled "Pflanztopf aus Steinzeug, 15 cm" with:
      """
      notices: {legal_guarantee: false}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                              | severity | market | field                   |
      | EU.CRD.GUARANTEE_NOTICE_NOT_SHOWN | review   | DE     | notices.legal_guarantee |

  @EU.CRD.GUARANTEE_NOTICE_NOT_SHOWN
  Scenario: The day before the harmonised notice applies (no finding)
    Given a listing for market "DE" titled "Pflanztopf aus Steinzeug, 15 cm" with:
      """
      notices: {legal_guarantee: false}
      """
    When it is screened as of "2026-09-26"
    Then there are no findings

  @EU.CRD.GUARANTEE_NOTICE_NOT_RECORDED
  Scenario: Nothing recorded and no word on the legal guarantee is reported for information
    Given a listing for market "FR" titled "Pot de fleurs en grès 15 cm" with:
      """
      description: Fait main, ne résiste pas au gel.
      notices: null
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                                 | severity | market | field                   |
      | EU.CRD.GUARANTEE_NOTICE_NOT_RECORDED | info     | FR     | notices.legal_guarantee |

  @EU.CRD.GUARANTEE_NOTICE_NOT_RECORDED
  Scenario: The description names the legal guarantee (no finding)
    Given a listing for market "FR" titled "Pot de fleurs en grès 15 cm" with:
      """
      description: "Fait main. Garantie légale de conformité : 2 ans au minimum."
      notices: null
      """
    When it is screened as of "2026-11-25"
    Then there are no findings
