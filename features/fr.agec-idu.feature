Feature: fr.agec-idu - France - one EPR unique identifier (IDU) per stream the product falls under (AGEC)
  Since 1 January 2022 a producer under a French EPR stream shows the unique identifier ADEME
  gave it for each stream in its terms of sale and on its website. The offer is checked for the
  IDU of each stream the listing shows: packaging, electrical and electronic equipment and
  batteries from the product's attributes; toys, clothing and household linen, and furniture
  from words in the title or category. Validity needs the ADEME lookup, and the IDU may stand in
  the terms of sale, so a missing one goes to review.

  @FR.AGEC.IDU_PACKAGING_MISSING
  Scenario: A planter in packaging without the packaging IDU
    Given a listing for market "FR" titled "Pot de fleurs en grès 15 cm" with:
      """
      attributes: {electrical: false, packaging: true}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                          | severity | market | field                                                             |
      | FR.AGEC.IDU_PACKAGING_MISSING | review   | FR     | attributes.packaging, registrations.epr_fr, registrations.idu_fr |

  @FR.AGEC.IDU_PACKAGING_MISSING
  Scenario: The packaging IDU is given (no finding)
    Given a listing for market "FR" titled "Pot de fleurs en grès 15 cm" with:
      """
      attributes: {electrical: false, packaging: true}
      registrations:
        idu_fr: [{stream: packaging, idu: FR234567_01ABCD}]
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @FR.AGEC.IDU_PACKAGING_MISSING
  Scenario: The day before IDUs were required (no finding)
    Given a listing for market "FR" titled "Pot de fleurs en grès 15 cm" with:
      """
      attributes: {electrical: false, packaging: true}
      """
    When it is screened as of "2021-12-31"
    Then there are no findings

  @FR.AGEC.IDU_EEE_MISSING
  Scenario: A kettle with only the packaging IDU lacks the EEE one
    Given a listing for market "FR" titled "Bouilloire électrique 1,7 l" with:
      """
      attributes: {electrical: true, packaging: true}
      certifications:
      - type: CE
        legislation: [2014/35/EU, 2014/30/EU, 2011/65/EU]
      registrations:
        idu_fr: [{stream: packaging, idu: FR234567_01ABCD}]
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                    | severity | market | field                                        |
      | FR.AGEC.IDU_EEE_MISSING | review   | FR     | attributes.electrical, registrations.idu_fr |

  @FR.AGEC.IDU_EEE_MISSING
  Scenario: The kettle with both IDUs (no finding)
    Given a listing for market "FR" titled "Bouilloire électrique 1,7 l" with:
      """
      attributes: {electrical: true, packaging: true}
      certifications:
      - type: CE
        legislation: [2014/35/EU, 2014/30/EU, 2011/65/EU]
      registrations:
        idu_fr: [{stream: packaging, idu: FR234567_01ABCD}, {stream: eee, idu: FR234567_02BCDE}]
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @FR.AGEC.IDU_BATTERIES_MISSING
  Scenario: Rechargeable batteries without the batteries IDU
    Given a listing for market "FR" titled "Piles rechargeables AA 2000 mAh, lot de 4" with:
      """
      batteries: [{chemistry: nimh, packing: alone, count: 4, capacity_mah: 2000}]
      certifications:
      - type: CE
        legislation: [(EU) 2023/1542]
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                          | severity | market | field                                                  |
      | FR.AGEC.IDU_BATTERIES_MISSING | review   | FR     | batteries, registrations.epr_fr, registrations.idu_fr |

  @FR.AGEC.IDU_BATTERIES_MISSING
  Scenario: A remote control sold without batteries needs no batteries IDU (no finding)
    Given a listing for market "FR" titled "Télécommande pour ventilateur de plafond" with:
      """
      attributes: {electrical: true, battery: other, battery_included: false}
      certifications:
      - type: CE
        legislation: [2014/30/EU, 2011/65/EU]
      registrations:
        idu_fr: [{stream: eee, idu: FR234567_02BCDE}]
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @FR.AGEC.IDU_TOYS_MISSING
  Scenario: A wooden toy without the toys IDU
    Given a listing for market "FR" titled "Jouet en bois" with:
      """
      attributes: {children_product: true, min_age_years: 3}
      certifications:
      - type: CE
        legislation: [2009/48/EC]
        standards: ['EN 71-1:2014+A1:2018']
      warning_texts:
      - {text: "Attention. Ne convient pas aux enfants de moins de 36 mois. Petits éléments. Risque d'étouffement.", language: fr}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                     | severity | market | field                                              |
      | FR.AGEC.IDU_TOYS_MISSING | review   | FR     | registrations.epr_fr, registrations.idu_fr, title |

  @FR.AGEC.IDU_TOYS_MISSING
  Scenario: A dog toy is not a toy (no finding)
    Given a listing for market "FR" titled "Jouet pour chien en caoutchouc"
    When it is screened as of "2026-11-25"
    Then there are no findings

  @FR.AGEC.IDU_TEXTILES_MISSING
  Scenario: A t-shirt without the textiles IDU
    Given a listing for market "FR" titled "T-shirt homme 100 % coton, bleu marine" with:
      """
      category: Clothing > Men > T-Shirts
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                         | severity | market | field                                                        |
      | FR.AGEC.IDU_TEXTILES_MISSING | review   | FR     | category, registrations.epr_fr, registrations.idu_fr, title |

  @FR.AGEC.IDU_TEXTILES_MISSING
  Scenario: A paper towel holder is not household linen (no finding)
    Given a listing for market "FR" titled "Paper towel holder, stainless steel"
    When it is screened as of "2026-11-25"
    Then there are no findings

  @FR.AGEC.IDU_FURNITURE_MISSING
  Scenario: A sofa without the furniture IDU
    Given a listing for market "FR" titled "Canapé 3 places en velours"
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                          | severity | market | field                                              |
      | FR.AGEC.IDU_FURNITURE_MISSING | review   | FR     | registrations.epr_fr, registrations.idu_fr, title |

  @FR.AGEC.IDU_FURNITURE_MISSING
  Scenario: The sofa with its furniture IDU (no finding)
    Given a listing for market "FR" titled "Canapé 3 places en velours" with:
      """
      registrations:
        idu_fr: [{stream: furniture, idu: FR234567_06FABC}]
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @FR.AGEC.IDU_STREAM_NOT_NAMED
  Scenario: One IDU without its stream is reported for information only
    Given a listing for market "FR" titled "Bouilloire électrique 1,7 l" with:
      """
      attributes: {electrical: true, packaging: true}
      certifications:
      - type: CE
        legislation: [2014/35/EU, 2014/30/EU, 2011/65/EU]
      registrations: {epr_fr: FR234567_02BCDE}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                         | severity | market | field                                                                            |
      | FR.AGEC.IDU_STREAM_NOT_NAMED | info     | FR     | attributes.electrical, attributes.packaging, registrations.epr_fr, registrations.idu_fr |

  @FR.AGEC.IDU_STREAM_NOT_NAMED
  Scenario: IDUs per stream leave nothing to report (no finding)
    Given a listing for market "FR" titled "Bouilloire électrique 1,7 l" with:
      """
      attributes: {electrical: true, packaging: true}
      certifications:
      - type: CE
        legislation: [2014/35/EU, 2014/30/EU, 2011/65/EU]
      registrations:
        epr_fr: FR234567_02BCDE
        idu_fr: [{stream: packaging, idu: FR234567_01ABCD}, {stream: eee, idu: FR234567_02BCDE}]
      """
    When it is screened as of "2026-11-25"
    Then there are no findings
