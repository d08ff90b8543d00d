Feature: de.uwg-green - "klimaneutral" must be explained in the ad itself (UWG section 5)
  Since the Federal Court of Justice's judgment of 27 June 2024 (I ZR 98/23), a German listing
  that calls a product "klimaneutral" or similar must explain in its own text how neutrality is
  reached. Matching cannot judge the explanation: a claim without one goes to a person (review);
  a claim with one is noted (info) so that its evidence is kept.

  @DE.UWG.KLIMANEUTRAL
  Scenario: A climate-neutral claim in the title goes to review
    Given a listing for market "DE" titled "Klimaneutrale Trinkflasche aus Edelstahl"
    When it is screened as of "2025-03-01"
    Then the findings are exactly:
      | rule                | severity | market | field |
      | DE.UWG.KLIMANEUTRAL | review   | DE     | title |

  @DE.UWG.KLIMANEUTRAL
  Scenario: "geschmacksneutral" is not a climate claim
    Given a listing for market "DE" titled "Geschmacksneutrale Trinkflasche aus Edelstahl"
    When it is screened as of "2025-03-01"
    Then there are no findings

  @DE.UWG.KLIMANEUTRAL
  Scenario: The day before the judgment the claim is not flagged
    Given a listing for market "DE" titled "Klimaneutrale Trinkflasche aus Edelstahl"
    When it is screened as of "2024-06-26"
    Then there are no findings

  @DE.UWG.KLIMANEUTRAL @DE.UWG.KLIMANEUTRAL_EXPLAINED
  Scenario: A climate-neutral claim that the ad explains is only noted
    Given a listing for market "DE" titled "Klimaneutrale Trinkflasche aus Edelstahl" with:
      """
      description: "Klimaneutral hergestellt: Restemissionen werden über Klimaschutzprojekte kompensiert."
      """
    When it is screened as of "2025-03-01"
    Then the findings are exactly:
      | rule                          | severity | market | field              |
      | DE.UWG.KLIMANEUTRAL_EXPLAINED | info     | DE     | title, description |

  @DE.UWG.KLIMANEUTRAL
  Scenario: A hyphenated spelling is the same claim
    Given a listing for market "DE" titled "Pflanztopf aus Steinzeug" with:
      """
      description: "Klima-neutral hergestellt."
      """
    When it is screened as of "2025-03-01"
    Then the findings are exactly:
      | rule                | severity | market | field       |
      | DE.UWG.KLIMANEUTRAL | review   | DE     | description |
