Feature: de.uwg-green - "klimaneutral" must be explained in the ad itself (UWG section 5)
  Since the Federal Court of Justice's judgment of 27 June 2024 (I ZR 98/23), a German listing
  that calls a product "klimaneutral" or similar must explain in its own text how neutrality is
  reached. Matching cannot judge the explanation, so every claim goes to a person.

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
