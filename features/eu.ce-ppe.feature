Feature: eu.ce-ppe - personal protective equipment needs CE under the PPE Regulation (EU) 2016/425
  Sunglasses, cycling helmets, protective gloves, hi-vis and respirators are PPE: they need CE
  under Regulation (EU) 2016/425 (applicable since 21 April 2018), and category III PPE also
  needs a notified body whose number follows the CE mark.

  @EU.CE.PPE_CE_MISSING
  Scenario: Helmet without certifications
    Given a listing for market "DE" titled "Bicycle helmet, adult, size M"
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                 | severity | market | field |
      | EU.CE.PPE_CE_MISSING | review   | DE     | title |

  @EU.CE.PPE_CE_MISSING
  Scenario: FFP2 mask with a test report only
    Given a listing for market "DE" titled "FFP2 mask" with:
      """
      certifications:
      - {type: test_report}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                 | severity | market | field |
      | EU.CE.PPE_CE_MISSING | review   | DE     | title |

  @EU.CE.PPE_CE_MISSING
  Scenario: CE claimed (no finding of this rule)
    Given a listing for market "DE" titled "Bicycle helmet, adult, size M" with:
      """
      certifications:
      - type: CE
        legislation: [(EU) 2016/425]
        standards: ['EN 1078:2012+A1:2012']
        notified_body: {name: TUV Rheinland LGA Products GmbH, number: 0197}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @EU.CE.PPE_CE_MISSING
  Scenario: Sunglasses case is not PPE (no finding of this rule)
    Given a listing for market "DE" titled "Sunglasses case"
    When it is screened as of "2026-11-25"
    Then there are no findings

  @EU.CE.PPE_NOT_CITED
  Scenario: Old directive cited
    Given a listing for market "DE" titled "Bicycle helmet, adult, size M" with:
      """
      certifications:
      - type: CE
        legislation: [89/686/EEC]
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                | severity | market | field                         |
      | EU.CE.PPE_NOT_CITED | review   | DE     | certifications[0].type, title |

  @EU.CE.PPE_NOT_CITED
  Scenario: CE without acts
    Given a listing for market "DE" titled "Warnweste gelb" with:
      """
      certifications:
      - {type: CE}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                | severity | market | field                         |
      | EU.CE.PPE_NOT_CITED | review   | DE     | certifications[0].type, title |

  @EU.CE.PPE_NOT_CITED
  Scenario: Regulation cited (no finding of this rule)
    Given a listing for market "DE" titled "Bicycle helmet, adult, size M" with:
      """
      certifications:
      - type: CE
        legislation: [(EU) 2016/425]
        standards: ['EN 1078:2012+A1:2012']
        notified_body: {name: TUV Rheinland LGA Products GmbH, number: 0197}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @EU.CE.PPE_NOT_CITED
  Scenario: Before the Regulation applied (no finding of this rule)
    Given a listing for market "DE" titled "Bicycle helmet, adult, size M" with:
      """
      certifications:
      - type: CE
        legislation: [89/686/EEC]
      """
    When it is screened as of "2018-04-20"
    Then there are no findings

  @EU.CE.PPE_CAT3_NO_NOTIFIED_BODY
  Scenario: FFP2 mask without notified body
    Given a listing for market "DE" titled "FFP2 mask" with:
      """
      certifications:
      - type: CE
        legislation: [(EU) 2016/425]
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                            | severity | market | field                         |
      | EU.CE.PPE_CAT3_NO_NOTIFIED_BODY | review   | DE     | certifications[0].type, title |

  @EU.CE.PPE_CAT3_NO_NOTIFIED_BODY
  Scenario: Gehörschutz without notified body
    Given a listing for market "DE" titled "Gehörschutz Kapsel" with:
      """
      certifications:
      - type: CE
        notified_body: {name: Some lab}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                            | severity | market | field                         |
      | EU.CE.PPE_CAT3_NO_NOTIFIED_BODY | review   | DE     | certifications[0].type, title |
      | EU.CE.PPE_NOT_CITED             | review   | DE     | certifications[0].type, title |

  @EU.CE.PPE_CAT3_NO_NOTIFIED_BODY
  Scenario: Notified body given (no finding of this rule)
    Given a listing for market "DE" titled "FFP2 mask" with:
      """
      certifications:
      - type: CE
        legislation: [(EU) 2016/425]
        notified_body: {number: NB 2797}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @EU.CE.PPE_CAT3_NO_NOTIFIED_BODY
  Scenario: Category II helmet without notified-body number is not this rule (no finding of this rule)
    Given a listing for market "DE" titled "Bicycle helmet, adult, size M" with:
      """
      certifications:
      - type: CE
        legislation: [(EU) 2016/425]
      """
    When it is screened as of "2026-11-25"
    Then there are no findings
