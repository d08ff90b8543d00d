Feature: us.california - Proposition 65 warnings, PFAS in textiles
  Proposition 65 (27 CCR 25600 ff.): a product that exposes Californians to a listed chemical
  needs a clear and reasonable warning, online on the product page or through a link reading
  WARNING, before purchase; the safe-harbour texts were amended from 1 January 2025 (compliance by
  1 January 2028) and the new short forms must name a chemical. California (AB 1817) and New York
  (ECL 37-0121) ban textiles and apparel with intentionally added PFAS from 1 January 2025.
  Limits: documents carry no US state (listings are sold into the US as a whole, and a party has
  no state field), so these rules screen every US listing; the Prop 65 list is not data here, so
  only a short list of well-known listed chemicals is recognised; the small-business exemption
  (under 10 employees) is a seller fact.

  # US.CA.PROP65.NO_WARNING: US listing declares a Proposition 65 chemical but shows no Prop 65 warning
  @US.CA.PROP65.NO_WARNING
  Scenario: Lead declared, no warning
    Given a listing for market "US" titled "Brass garden hose nozzle" with:
      """
      brand: Acme
      attributes:
        chemicals: [lead]
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                    | severity | market | field                   |
      | US.CA.PROP65.NO_WARNING | warn     | US     | attributes.chemicals[0] |

  @US.CA.PROP65.NO_WARNING
  Scenario: BPA declared, only a general safety warning
    Given a listing for market "US" titled "Polycarbonate water bottle" with:
      """
      brand: Acme
      attributes:
        chemicals: [Bisphenol A]
      warnings: [Not for hot liquids.]
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                    | severity | market | field                   |
      | US.CA.PROP65.NO_WARNING | warn     | US     | attributes.chemicals[0] |

  @US.CA.PROP65.NO_WARNING
  Scenario: Not flagged - Safe-harbour warning shown
    Given a listing for market "US" titled "Brass garden hose nozzle" with:
      """
      brand: Acme
      attributes:
        chemicals: [lead]
      warnings: ['WARNING: This product can expose you to chemicals including lead, which is known to the State
          of California to cause cancer and birth defects or other reproductive harm. For more information go
          to www.P65Warnings.ca.gov.']
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then there are no findings

  @US.CA.PROP65.NO_WARNING
  Scenario: Not flagged - Before the amended warnings applied
    Given a listing for market "US" titled "Brass garden hose nozzle" with:
      """
      brand: Acme
      attributes:
        chemicals: [lead]
      model: null
      images: null
      manufacturer: null
      """
    When it is screened as of "2024-12-31"
    Then there are no findings

  # US.CA.PROP65_TEXT.SIGNAL_WORD: Proposition 65 warning without the signal word WARNING
  @US.CA.PROP65_TEXT.SIGNAL_WORD
  Scenario: Proposition 65 warning without the signal word WARNING
    Given a listing for market "US" titled "Brass garden hose nozzle" with:
      """
      brand: Acme
      attributes:
        chemicals: [lead]
      warnings: [Cancer risk from exposure to lead. See www.P65Warnings.ca.gov.]
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                          | severity | market | field       |
      | US.CA.PROP65_TEXT.SIGNAL_WORD | warn     | US     | warnings[0] |

  @US.CA.PROP65_TEXT.SIGNAL_WORD
  Scenario: Proposition 65 warning without the signal word WARNING (2)
    Given a listing for market "US" titled "Brass garden hose nozzle" with:
      """
      brand: Acme
      attributes:
        chemicals: [lead]
      warning_texts:
      - {text: 'Prop 65: contains lead, see www.P65Warnings.ca.gov', language: en}
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                          | severity | market | field                 |
      | US.CA.PROP65_TEXT.SIGNAL_WORD | warn     | US     | warning_texts[0].text |

  @US.CA.PROP65_TEXT.SIGNAL_WORD
  Scenario: Not flagged - the same listing without what the rule looks for (US.CA.PROP65_TEXT.SIGNAL_WORD)
    Given a listing for market "US" titled "Brass garden hose nozzle" with:
      """
      brand: Acme
      attributes:
        chemicals: [lead]
      warnings: ['WARNING: This product can expose you to chemicals including lead, which is known to the State
          of California to cause cancer and birth defects or other reproductive harm. For more information go
          to www.P65Warnings.ca.gov.']
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then there are no findings

  @US.CA.PROP65_TEXT.SIGNAL_WORD
  Scenario: Not flagged - Near miss - CALIFORNIA WARNING is a signal word
    Given a listing for market "US" titled "Brass garden hose nozzle" with:
      """
      brand: Acme
      attributes:
        chemicals: [lead]
      warnings: ['CALIFORNIA WARNING: Cancer risk from exposure to lead. See www.P65Warnings.ca.gov.']
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then there are no findings

  # US.CA.PROP65_TEXT.NO_CHEMICAL: Proposition 65 warning with the chemical's name left as a placeholder
  @US.CA.PROP65_TEXT.NO_CHEMICAL
  Scenario: Proposition 65 warning with the chemical's name left as a placeholder
    Given a listing for market "US" titled "Brass garden hose nozzle" with:
      """
      brand: Acme
      attributes:
        chemicals: [lead]
      warnings: ['WARNING: Cancer risk from exposure to [chemical]. See www.P65Warnings.ca.gov.']
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                          | severity | market | field       |
      | US.CA.PROP65_TEXT.NO_CHEMICAL | warn     | US     | warnings[0] |

  @US.CA.PROP65_TEXT.NO_CHEMICAL
  Scenario: Proposition 65 warning with the chemical's name left as a placeholder (2)
    Given a listing for market "US" titled "Brass garden hose nozzle" with:
      """
      brand: Acme
      attributes:
        chemicals: [lead]
      warnings: ['WARNING: Can expose you to [name of chemical], a carcinogen. See www.P65Warnings.ca.gov.']
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                          | severity | market | field       |
      | US.CA.PROP65_TEXT.NO_CHEMICAL | warn     | US     | warnings[0] |

  @US.CA.PROP65_TEXT.NO_CHEMICAL
  Scenario: Not flagged - the same listing without what the rule looks for (US.CA.PROP65_TEXT.NO_CHEMICAL)
    Given a listing for market "US" titled "Brass garden hose nozzle" with:
      """
      brand: Acme
      attributes:
        chemicals: [lead]
      warnings: ['WARNING: This product can expose you to chemicals including lead, which is known to the State
          of California to cause cancer and birth defects or other reproductive harm. For more information go
          to www.P65Warnings.ca.gov.']
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then there are no findings

  @US.CA.PROP65_TEXT.NO_CHEMICAL
  Scenario: Not flagged - Near miss - the chemical is named
    Given a listing for market "US" titled "Brass garden hose nozzle" with:
      """
      brand: Acme
      attributes:
        chemicals: [lead]
      warnings: ['WARNING: Cancer risk from exposure to lead. See www.P65Warnings.ca.gov.']
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then there are no findings

  # US.CA.PROP65_TEXT.LONG_FORM_NO_LINK: Long-form Proposition 65 warning without the P65Warnings.ca.gov address
  @US.CA.PROP65_TEXT.LONG_FORM_NO_LINK
  Scenario: Long-form Proposition 65 warning without the P65Warnings.ca.gov address
    Given a listing for market "US" titled "Brass garden hose nozzle" with:
      """
      brand: Acme
      attributes:
        chemicals: [lead]
      warnings: ['WARNING: This product can expose you to lead, which is known to the State of California to
          cause cancer.']
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                                | severity | market | field                   |
      | US.CA.PROP65.NO_WARNING             | warn     | US     | attributes.chemicals[0] |
      | US.CA.PROP65_TEXT.LONG_FORM_NO_LINK | warn     | US     | warnings[0]             |

  @US.CA.PROP65_TEXT.LONG_FORM_NO_LINK
  Scenario: Long-form Proposition 65 warning without the P65Warnings.ca.gov address (2)
    Given a listing for market "US" titled "Brass garden hose nozzle" with:
      """
      brand: Acme
      attributes:
        chemicals: [lead]
      description: Contains lead, known to the State of California to cause birth defects.
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                                | severity | market | field                   |
      | US.CA.PROP65.NO_WARNING             | warn     | US     | attributes.chemicals[0] |
      | US.CA.PROP65_TEXT.LONG_FORM_NO_LINK | warn     | US     | description             |

  @US.CA.PROP65_TEXT.LONG_FORM_NO_LINK
  Scenario: Not flagged - the same listing without what the rule looks for (US.CA.PROP65_TEXT.LONG_FORM_NO_LINK)
    Given a listing for market "US" titled "Brass garden hose nozzle" with:
      """
      brand: Acme
      attributes:
        chemicals: [lead]
      warnings: ['WARNING: This product can expose you to chemicals including lead, which is known to the State
          of California to cause cancer and birth defects or other reproductive harm. For more information go
          to www.P65Warnings.ca.gov.']
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then there are no findings

  @US.CA.PROP65_TEXT.LONG_FORM_NO_LINK
  Scenario: Not flagged - Near miss - California named, but not the Prop 65 wording
    Given a listing for market "US" titled "Brass garden hose nozzle" with:
      """
      brand: Acme
      attributes:
        chemicals: [lead]
      warnings: [Ships from our California warehouse.]
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                    | severity | market | field                   |
      | US.CA.PROP65.NO_WARNING | warn     | US     | attributes.chemicals[0] |

  # US.CA.PROP65_TEXT.OLD_SHORT_FORM: Old Proposition 65 short-form warning after 1 January 2028
  @US.CA.PROP65_TEXT.OLD_SHORT_FORM
  Scenario: Old Proposition 65 short-form warning after 1 January 2028
    Given a listing for market "US" titled "Brass garden hose nozzle" with:
      """
      brand: Acme
      attributes:
        chemicals: [lead]
      warnings: ['WARNING: Cancer and Reproductive Harm - www.P65Warnings.ca.gov.']
      model: null
      images: null
      manufacturer: null
      """
    When it is screened as of "2028-01-01"
    Then the findings are exactly:
      | rule                             | severity | market | field       |
      | US.CA.PROP65_TEXT.OLD_SHORT_FORM | info     | US     | warnings[0] |

  @US.CA.PROP65_TEXT.OLD_SHORT_FORM
  Scenario: Old Proposition 65 short-form warning after 1 January 2028 (2)
    Given a listing for market "US" titled "Brass garden hose nozzle" with:
      """
      brand: Acme
      attributes:
        chemicals: [lead]
      warning_texts:
      - {text: 'WARNING: Cancer and Reproductive Harm - www.P65Warnings.ca.gov', language: en}
      model: null
      images: null
      manufacturer: null
      """
    When it is screened as of "2028-06-01"
    Then the findings are exactly:
      | rule                             | severity | market | field                 |
      | US.CA.PROP65_TEXT.OLD_SHORT_FORM | info     | US     | warning_texts[0].text |

  @US.CA.PROP65_TEXT.OLD_SHORT_FORM
  Scenario: Not flagged - The day before
    Given a listing for market "US" titled "Brass garden hose nozzle" with:
      """
      brand: Acme
      attributes:
        chemicals: [lead]
      warnings: ['WARNING: Cancer and Reproductive Harm - www.P65Warnings.ca.gov.']
      model: null
      images: null
      manufacturer: null
      """
    When it is screened as of "2027-12-31"
    Then there are no findings

  @US.CA.PROP65_TEXT.OLD_SHORT_FORM
  Scenario: Not flagged - Near miss - new short form
    Given a listing for market "US" titled "Brass garden hose nozzle" with:
      """
      brand: Acme
      attributes:
        chemicals: [lead]
      warnings: ['WARNING: Cancer and reproductive harm from exposure to lead. See www.P65Warnings.ca.gov.']
      model: null
      images: null
      manufacturer: null
      """
    When it is screened as of "2028-01-01"
    Then there are no findings

  # US.STATE.PFAS_TEXTILE.DECLARED: Textile or apparel declaring PFAS, without the Made with PFAS chemicals label
  @US.STATE.PFAS_TEXTILE.DECLARED
  Scenario: Textile or apparel declaring PFAS, without the Made with PFAS chemicals label
    Given a listing for market "US" titled "Waterproof rain jacket" with:
      """
      brand: Acme
      description: "Shell: 100% polyester. Imported."  # fibre and origin as the FTC textile rules require
      attributes:
        chemicals: [C6 DWR]
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                           | severity | market | field                          |
      | US.STATE.PFAS_TEXTILE.DECLARED | review   | US     | attributes.chemicals[0], title |

  @US.STATE.PFAS_TEXTILE.DECLARED
  Scenario: Textile or apparel declaring PFAS, without the Made with PFAS chemicals label (2)
    Given a listing for market "US" titled "Kids backpack" with:
      """
      brand: Acme
      attributes: {}
      description: Stain-proof PTFE coating.
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                           | severity | market | field              |
      | US.STATE.PFAS_TEXTILE.DECLARED | review   | US     | description, title |

  @US.STATE.PFAS_TEXTILE.DECLARED
  Scenario: Not flagged - Labelled exempt outdoor apparel
    Given a listing for market "US" titled "Waterproof rain jacket" with:
      """
      brand: Acme
      description: "Shell: 100% polyester. Imported."  # fibre and origin as the FTC textile rules require
      attributes:
        chemicals: [C6 DWR]
      warnings: [Made with PFAS chemicals]
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then there are no findings

  @US.STATE.PFAS_TEXTILE.DECLARED
  Scenario: Not flagged - The day before the bans
    Given a listing for market "US" titled "Waterproof rain jacket" with:
      """
      brand: Acme
      description: "Shell: 100% polyester. Imported."  # fibre and origin as the FTC textile rules require
      attributes:
        chemicals: [C6 DWR]
      model: null
      images: null
      manufacturer: null
      """
    When it is screened as of "2024-12-31"
    Then there are no findings

  # US.STATE.PFAS_CATEGORIES.DECLARED: Cosmetic, cookware or other banned-category product declaring PFAS
  @US.STATE.PFAS_CATEGORIES.DECLARED
  Scenario: Cosmetic, cookware or other banned-category product declaring PFAS
    Given a listing for market "US" titled "Non-stick frying pan, 28 cm" with:
      """
      brand: Acme
      attributes:
        chemicals: [PTFE]
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                              | severity | market | field                          |
      | US.STATE.PFAS_CATEGORIES.DECLARED | review   | US     | attributes.chemicals[0], title |

  @US.STATE.PFAS_CATEGORIES.DECLARED
  Scenario: Cosmetic, cookware or other banned-category product declaring PFAS (2)
    Given a listing for market "US" titled "Long-wear liquid foundation" with:
      """
      brand: Acme
      attributes:
        chemicals: [perfluorooctyl triethoxysilane]
        cosmetic: true
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                               | severity | market | field                                                                                                                                                                                             |
      | US.FDA.MOCRA.ADVERSE_EVENT_CONTACT | warn     | US     | attributes.cosmetic, manufacturer.address, manufacturer.country, manufacturer.email, manufacturer.phone, manufacturer.url, seller.address, seller.country, seller.email, seller.phone, seller.url |
      | US.STATE.PFAS_CATEGORIES.DECLARED  | review   | US     | attributes.chemicals[0], attributes.cosmetic                                                                                                                                                      |

  @US.STATE.PFAS_CATEGORIES.DECLARED
  Scenario: Not flagged - Near miss - PFAS-free pan
    Given a listing for market "US" titled "Non-stick frying pan, 28 cm" with:
      """
      brand: Acme
      attributes:
        chemicals: [PFAS-free ceramic coating]
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then there are no findings

  @US.STATE.PFAS_CATEGORIES.DECLARED
  Scenario: Not flagged - The day before the Minnesota ban
    Given a listing for market "US" titled "Non-stick frying pan, 28 cm" with:
      """
      brand: Acme
      attributes:
        chemicals: [PTFE]
      model: null
      images: null
      manufacturer: null
      """
    When it is screened as of "2024-12-31"
    Then there are no findings
