Feature: uk.ukca - United Kingdom - UKCA and CE in Great Britain, CE and UK(NI) in Northern Ireland
  Great Britain accepts CE indefinitely alongside UKCA for most product regulations (toys, EMC,
  electrical and radio equipment, machinery, PPE among them; Product Safety and Metrology etc.
  (Amendment) Regulations 2024, in force 1 Oct 2024 - the date is inferred, brief M). In Northern
  Ireland EU product rules apply under the Windsor Framework: CE is required, UKCA alone is not
  valid, and the UK(NI) indication goes next to CE only where a UK body did the mandatory third-
  party assessment, never on its own. As in the EU, marks belong on the product and its documents,
  so a missing claim in a listing is a request for evidence (review). Products are recognised from
  attributes (electrical, radio, wireless) and from words for toys and PPE; medical devices,
  construction products and the other separate regimes are not recognised and are not screened.

  @UK.UKCA.NO_MARK
  Scenario: Kettle with no mark
    Given a listing for market "GB" titled "Electric kettle 1.7 l" with:
      """
      attributes: {electrical: true}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule            | severity | market | field                 |
      | UK.UKCA.NO_MARK | review   | GB     | attributes.electrical |

  @UK.UKCA.NO_MARK
  Scenario: Toy with only a US CPC
    Given a listing for market "GB" titled "Plush toy rabbit" with:
      """
      attributes: {electrical: false}
      certifications:
      - {type: CPC}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule            | severity | market | field |
      | UK.UKCA.NO_MARK | review   | GB     | title |

  @UK.UKCA.NO_MARK
  Scenario: CE is accepted in Great Britain (no finding of this rule)
    Given a listing for market "GB" titled "Electric kettle 1.7 l" with:
      """
      attributes: {electrical: true}
      certifications:
      - type: CE
        legislation: [2014/35/EU]
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @UK.UKCA.NO_MARK
  Scenario: Not a product of these regimes (no finding of this rule)
    Given a listing for market "GB" titled "Ceramic mug" with:
      """
      attributes: {electrical: false}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @UK.NI.UKCA_WITHOUT_CE
  Scenario: UKCA only, offered in Northern Ireland
    Given a listing for market "XI" titled "Electric kettle 1.7 l" with:
      """
      attributes: {electrical: true}
      certifications:
      - type: UKCA
        legislation: [Electrical Equipment (Safety) Regulations 2016]
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                  | severity | market | field                  |
      | EU.CE.CLAIM_MISSING   | review   | XI     | attributes.electrical  |
      | UK.NI.UKCA_WITHOUT_CE | review   | XI     | certifications[0].type |

  @UK.NI.UKCA_WITHOUT_CE
  Scenario: UKCA and a US mark
    Given a listing for market "XI" titled "Electric kettle 1.7 l" with:
      """
      attributes: {electrical: true}
      certifications:
      - {type: UKCA}
      - {type: FCC}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                  | severity | market | field                  |
      | EU.CE.CLAIM_MISSING   | review   | XI     | attributes.electrical  |
      | UK.NI.UKCA_WITHOUT_CE | review   | XI     | certifications[0].type |

  @UK.NI.UKCA_WITHOUT_CE
  Scenario: UKCA and CE (no finding of this rule)
    Given a listing for market "XI" titled "Electric kettle 1.7 l" with:
      """
      attributes: {electrical: true}
      certifications:
      - {type: UKCA}
      - {type: CE}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                 | severity | market | field                                                                                |
      | EU.CE.EMC_NOT_CITED  | review   | XI     | attributes.electrical, attributes.radio, attributes.wireless, certifications[1].type |
      | EU.CE.ROHS_NOT_CITED | review   | XI     | attributes.electrical, certifications[1].type                                        |

  @UK.NI.UKCA_WITHOUT_CE
  Scenario: UKCA only is fine in Great Britain (no finding of this rule)
    Given a listing for market "GB" titled "Electric kettle 1.7 l" with:
      """
      attributes: {electrical: true}
      certifications:
      - type: UKCA
        legislation: [Electrical Equipment (Safety) Regulations 2016]
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @UK.NI.UKNI_WITHOUT_CE
  Scenario: UK(NI) alone
    Given a listing for market "XI" titled "Electric kettle 1.7 l" with:
      """
      attributes: {electrical: true}
      certifications:
      - {type: UK(NI)}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                  | severity | market | field                  |
      | EU.CE.CLAIM_MISSING   | review   | XI     | attributes.electrical  |
      | UK.NI.UKNI_WITHOUT_CE | review   | XI     | certifications[0].type |

  @UK.NI.UKNI_WITHOUT_CE
  Scenario: UK(NI) with UKCA but no CE
    Given a listing for market "XI" titled "Electric kettle 1.7 l" with:
      """
      attributes: {electrical: true}
      certifications:
      - {type: UKNI}
      - {type: UKCA}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                  | severity | market | field                  |
      | EU.CE.CLAIM_MISSING   | review   | XI     | attributes.electrical  |
      | UK.NI.UKCA_WITHOUT_CE | review   | XI     | certifications[1].type |
      | UK.NI.UKNI_WITHOUT_CE | review   | XI     | certifications[0].type |

  @UK.NI.UKNI_WITHOUT_CE
  Scenario: CE with UK(NI) (no finding of this rule)
    Given a listing for market "XI" titled "Electric kettle 1.7 l" with:
      """
      attributes: {electrical: true}
      certifications:
      - {type: CE}
      - {type: UKNI}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                 | severity | market | field                                                                                |
      | EU.CE.EMC_NOT_CITED  | review   | XI     | attributes.electrical, attributes.radio, attributes.wireless, certifications[0].type |
      | EU.CE.ROHS_NOT_CITED | review   | XI     | attributes.electrical, certifications[0].type                                        |

  @UK.NI.UKNI_WITHOUT_CE
  Scenario: CE only (no finding of this rule)
    Given a listing for market "XI" titled "Electric kettle 1.7 l" with:
      """
      attributes: {electrical: true}
      certifications:
      - {type: CE}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                 | severity | market | field                                                                                |
      | EU.CE.EMC_NOT_CITED  | review   | XI     | attributes.electrical, attributes.radio, attributes.wireless, certifications[0].type |
      | EU.CE.ROHS_NOT_CITED | review   | XI     | attributes.electrical, certifications[0].type                                        |
