Feature: us.cpsc - CPSC children's products, choking warnings, button cells, magnets, dressers, eFiling
  Consumer Product Safety Commission rules a listing or shipment can show: children's products
  need a Children's Product Certificate (CPSIA), internet ads for toys with small parts for ages 3
  to 6 must show the choking warning (16 CFR 1500.20), products with button or coin cells must
  meet 16 CFR 1263 (Reese's Law), subject magnet products 16 CFR 1262 and clothing storage units
  16 CFR 1261 (STURDY Act); children's products declaring lead or the restricted phthalates are
  flagged (the limits need test values); from 8 July 2026 certificate data is eFiled in ACE at
  entry (16 CFR 1110). Whether a lab is CPSC-accepted needs the CPSC lab list, and tracking labels
  are on the product: neither is checked.

  # US.CPSC.CPC.MISSING: Children's product listed for the US without a Children's Product Certificate
  @US.CPSC.CPC.MISSING
  Scenario: No certifications
    Given a listing for market "US" titled "Wooden stacking blocks, 20 pieces" with:
      """
      brand: Acme
      attributes: {children_product: true, min_age_years: 1}
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                | severity | market | field                       |
      | US.CPSC.CPC.MISSING | review   | US     | attributes.children_product |

  @US.CPSC.CPC.MISSING
  Scenario: Only a CE mark
    Given a listing for market "US" titled "Wooden stacking blocks, 20 pieces" with:
      """
      brand: Acme
      attributes: {children_product: true, min_age_years: 1}
      certifications:
      - type: CE
        document: declaration_of_conformity
        legislation: [2009/48/EC]
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                | severity | market | field                       |
      | US.CPSC.CPC.MISSING | review   | US     | attributes.children_product |

  @US.CPSC.CPC.MISSING
  Scenario: Not flagged - the same listing without what the rule looks for (US.CPSC.CPC.MISSING)
    Given a listing for market "US" titled "Wooden stacking blocks, 20 pieces" with:
      """
      brand: Acme
      attributes: {children_product: true, min_age_years: 1}
      certifications:
      - type: CPC
        id: CPC-2026-001
        document: certificate
        legislation: [16 CFR 1250]
        standards: [ASTM F963-23]
        lab: {name: Acme Test Lab, number: '1234'}
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then there are no findings

  @US.CPSC.CPC.MISSING
  Scenario: Not flagged - Near miss - a general-use product needs no CPC
    Given a listing for market "US" titled "Wooden stacking blocks, 20 pieces" with:
      """
      brand: Acme
      attributes: {children_product: false, min_age_years: 14}
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then there are no findings

  # US.CPSC.CHOKING_AD.MISSING: Toy for ages 3 to 6 with small parts advertised without the choking warning
  @US.CPSC.CHOKING_AD.MISSING
  Scenario: Small parts, age 3
    Given a listing for market "US" titled "Building bricks set" with:
      """
      brand: Acme
      attributes: {children_product: true, min_age_years: 3, small_parts: true}
      certifications:
      - type: CPC
        id: CPC-2026-001
        document: certificate
        legislation: [16 CFR 1250]
        standards: [ASTM F963-23]
        lab: {name: Acme Test Lab, number: '1234'}
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                       | severity | market | field                                            |
      | US.CPSC.CHOKING_AD.MISSING | block    | US     | attributes.min_age_years, attributes.small_parts |

  @US.CPSC.CHOKING_AD.MISSING
  Scenario: Balloons for age 5
    Given a listing for market "US" titled "Party balloons, 50 pack" with:
      """
      brand: Acme
      attributes: {children_product: true, min_age_years: 5}
      certifications:
      - type: CPC
        id: CPC-2026-001
        document: certificate
        legislation: [16 CFR 1250]
        standards: [ASTM F963-23]
        lab: {name: Acme Test Lab, number: '1234'}
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                       | severity | market | field                           |
      | US.CPSC.CHOKING_AD.MISSING | block    | US     | attributes.min_age_years, title |

  @US.CPSC.CHOKING_AD.MISSING
  Scenario: Not flagged - Warning shown
    Given a listing for market "US" titled "Building bricks set" with:
      """
      brand: Acme
      attributes: {children_product: true, min_age_years: 3, small_parts: true}
      certifications:
      - type: CPC
        id: CPC-2026-001
        document: certificate
        legislation: [16 CFR 1250]
        standards: [ASTM F963-23]
        lab: {name: Acme Test Lab, number: '1234'}
      warnings: ['WARNING: CHOKING HAZARD - Small parts. Not for children under 3 yrs.']
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then there are no findings

  @US.CPSC.CHOKING_AD.MISSING
  Scenario: Not flagged - Warning shown in warning_texts
    Given a listing for market "US" titled "Building bricks set" with:
      """
      brand: Acme
      attributes: {children_product: true, min_age_years: 3, small_parts: true}
      certifications:
      - type: CPC
        id: CPC-2026-001
        document: certificate
        legislation: [16 CFR 1250]
        standards: [ASTM F963-23]
        lab: {name: Acme Test Lab, number: '1234'}
      warning_texts:
      - {text: 'WARNING: CHOKING HAZARD -- Small parts. Not for children under 3 yrs.', language: en}
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then there are no findings

  @US.CPSC.CHOKING_AD.MISSING
  Scenario: Not flagged - Near miss - for ages 6 and up
    Given a listing for market "US" titled "Building bricks set" with:
      """
      brand: Acme
      attributes: {children_product: true, min_age_years: 6, small_parts: true}
      certifications:
      - type: CPC
        id: CPC-2026-001
        document: certificate
        legislation: [16 CFR 1250]
        standards: [ASTM F963-23]
        lab: {name: Acme Test Lab, number: '1234'}
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then there are no findings

  # US.CPSC.BUTTON_BATTERY.NO_1263: Product with button or coin cells without a certificate citing 16 CFR 1263
  @US.CPSC.BUTTON_BATTERY.NO_1263
  Scenario: Remote control with CR2032
    Given a listing for market "US" titled "Car key remote, CR2032 included" with:
      """
      brand: Acme
      attributes: {children_product: false, min_age_years: 1}
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                           | severity | market | field |
      | US.CPSC.BUTTON_BATTERY.NO_1263 | review   | US     | title |

  @US.CPSC.BUTTON_BATTERY.NO_1263
  Scenario: Coin cell in the bullets, only an FCC grant
    Given a listing for market "US" titled "LED tea lights" with:
      """
      brand: Acme
      attributes: {children_product: false, min_age_years: 1}
      certifications:
      - {type: FCC, id: 2ABCD-TL1}
      bullet_points: [Runs on coin cell batteries]
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                           | severity | market | field            |
      | US.CPSC.BUTTON_BATTERY.NO_1263 | review   | US     | bullet_points[0] |

  @US.CPSC.BUTTON_BATTERY.NO_1263
  Scenario: Not flagged - GCC citing 16 CFR 1263
    Given a listing for market "US" titled "Car key remote, CR2032 included" with:
      """
      brand: Acme
      attributes: {children_product: false, min_age_years: 1}
      certifications:
      - type: GCC
        document: certificate
        legislation: [16 CFR 1263]
        standards: [UL 4200A-2023]
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then there are no findings

  @US.CPSC.BUTTON_BATTERY.NO_1263
  Scenario: Not flagged - Before the rule applied
    Given a listing for market "US" titled "Car key remote, CR2032 included" with:
      """
      brand: Acme
      attributes: {children_product: true, min_age_years: 1}
      model: null
      images: null
      manufacturer: null
      """
    When it is screened as of "2023-10-22"
    Then the findings are exactly:
      | rule                | severity | market | field                       |
      | US.CPSC.CPC.MISSING | review   | US     | attributes.children_product |

  # US.CPSC.MAGNETS.NO_CERTIFICATE: Subject magnet product listed without a GCC or CPC
  @US.CPSC.MAGNETS.NO_CERTIFICATE
  Scenario: Subject magnet product listed without a GCC or CPC
    Given a listing for market "US" titled "5 mm magnetic balls, 216 pieces" with:
      """
      brand: Acme
      attributes: {children_product: false, min_age_years: 1}
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                           | severity | market | field |
      | US.CPSC.MAGNETS.NO_CERTIFICATE | review   | US     | title |

  @US.CPSC.MAGNETS.NO_CERTIFICATE
  Scenario: Subject magnet product listed without a GCC or CPC (2)
    Given a listing for market "US" titled "Magnetic desk toy for stress relief" with:
      """
      brand: Acme
      attributes: {children_product: false, min_age_years: 1}
      certifications:
      - {type: CE}
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                           | severity | market | field |
      | US.CPSC.MAGNETS.NO_CERTIFICATE | review   | US     | title |

  @US.CPSC.MAGNETS.NO_CERTIFICATE
  Scenario: Not flagged - the same listing without what the rule looks for (US.CPSC.MAGNETS.NO_CERTIFICATE)
    Given a listing for market "US" titled "5 mm magnetic balls, 216 pieces" with:
      """
      brand: Acme
      attributes: {children_product: false, min_age_years: 1}
      certifications:
      - type: GCC
        legislation: [16 CFR 1262]
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then there are no findings

  @US.CPSC.MAGNETS.NO_CERTIFICATE
  Scenario: Not flagged - Near miss - fridge magnets are not a subject magnet product here
    Given a listing for market "US" titled "Fridge magnets, set of 6" with:
      """
      brand: Acme
      attributes: {children_product: false, min_age_years: 1}
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then there are no findings

  # US.CPSC.STURDY.NO_1261: Clothing storage unit without a certificate citing 16 CFR 1261 / ASTM F2057-23
  @US.CPSC.STURDY.NO_1261
  Scenario: Clothing storage unit without a certificate citing 16 CFR 1261 / ASTM F2057-23
    Given a listing for market "US" titled "6-drawer dresser, white oak" with:
      """
      brand: Acme
      attributes: {children_product: false, min_age_years: 1}
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                   | severity | market | field |
      | US.CPSC.STURDY.NO_1261 | review   | US     | title |

  @US.CPSC.STURDY.NO_1261
  Scenario: Clothing storage unit without a certificate citing 16 CFR 1261 / ASTM F2057-23 (2)
    Given a listing for market "US" titled "Kids wardrobe with hanging rail" with:
      """
      brand: Acme
      attributes: {children_product: false, min_age_years: 1}
      certifications:
      - type: CPC
        legislation: [16 CFR 1303]
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                   | severity | market | field |
      | US.CPSC.STURDY.NO_1261 | review   | US     | title |

  @US.CPSC.STURDY.NO_1261
  Scenario: Not flagged - the same listing without what the rule looks for (US.CPSC.STURDY.NO_1261)
    Given a listing for market "US" titled "6-drawer dresser, white oak" with:
      """
      brand: Acme
      attributes: {children_product: false, min_age_years: 1}
      certifications:
      - type: GCC
        legislation: [16 CFR 1261]
        standards: [ASTM F2057-23]
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then there are no findings

  @US.CPSC.STURDY.NO_1261
  Scenario: Not flagged - Before the standard applied
    Given a listing for market "US" titled "6-drawer dresser" with:
      """
      brand: Acme
      attributes: {children_product: true, min_age_years: 1}
      model: null
      images: null
      manufacturer: null
      """
    When it is screened as of "2023-08-31"
    Then the findings are exactly:
      | rule                | severity | market | field                       |
      | US.CPSC.CPC.MISSING | review   | US     | attributes.children_product |

  # US.CPSC.LEAD_PHTHALATES.DECLARED: Children's product declares lead or a restricted phthalate
  @US.CPSC.LEAD_PHTHALATES.DECLARED
  Scenario: Children's product declares lead or a restricted phthalate
    Given a listing for market "US" titled "Bath duck" with:
      """
      brand: Acme
      attributes:
        children_product: true
        min_age_years: 1
        chemicals: [DINP]
      certifications:
      - type: CPC
        id: CPC-2026-001
        document: certificate
        legislation: [16 CFR 1250]
        standards: [ASTM F963-23]
        lab: {name: Acme Test Lab, number: '1234'}
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                             | severity | market | field                                                |
      | US.CA.PROP65.NO_WARNING          | warn     | US     | attributes.chemicals[0]                              |
      | US.CPSC.LEAD_PHTHALATES.DECLARED | review   | US     | attributes.chemicals[0], attributes.children_product, attributes.substances |

  @US.CPSC.LEAD_PHTHALATES.DECLARED
  Scenario: Children's product declares lead or a restricted phthalate (2)
    Given a listing for market "US" titled "Metal charm bracelet for girls" with:
      """
      brand: Acme
      attributes:
        children_product: true
        min_age_years: 1
        chemicals: [lead, zinc]
      certifications:
      - type: CPC
        id: CPC-2026-001
        document: certificate
        legislation: [16 CFR 1250]
        standards: [ASTM F963-23]
        lab: {name: Acme Test Lab, number: '1234'}
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                             | severity | market | field                                                |
      | US.CA.PROP65.NO_WARNING          | warn     | US     | attributes.chemicals[0]                              |
      | US.CPSC.LEAD_PHTHALATES.DECLARED | review   | US     | attributes.chemicals[0], attributes.children_product, attributes.substances |

  @US.CPSC.LEAD_PHTHALATES.DECLARED
  Scenario: Not flagged - the same listing without what the rule looks for (US.CPSC.LEAD_PHTHALATES.DECLARED)
    Given a listing for market "US" titled "Wooden stacking blocks, 20 pieces" with:
      """
      brand: Acme
      attributes: {children_product: true, min_age_years: 1}
      certifications:
      - type: CPC
        id: CPC-2026-001
        document: certificate
        legislation: [16 CFR 1250]
        standards: [ASTM F963-23]
        lab: {name: Acme Test Lab, number: '1234'}
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then there are no findings

  @US.CPSC.LEAD_PHTHALATES.DECLARED
  Scenario: Not flagged - Near miss - lead-free declared
    Given a listing for market "US" titled "Metal charm bracelet for girls" with:
      """
      brand: Acme
      attributes:
        children_product: true
        min_age_years: 1
        chemicals: [lead-free zinc alloy]
      certifications:
      - type: CPC
        id: CPC-2026-001
        document: certificate
        legislation: [16 CFR 1250]
        standards: [ASTM F963-23]
        lab: {name: Acme Test Lab, number: '1234'}
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then there are no findings

  # US.CPSC.EFILING.MISSING: US toy shipment without eFiled certificate data
  @US.CPSC.EFILING.MISSING
  Scenario: US toy shipment without eFiled certificate data
    Given a shipment from "CN" to "US" with:
      """
      date: '2026-11-25'
      mode: sea
      exporter: {name: Ningbo Toys Co Ltd, city: Ningbo, country: CN}
      consignee: {name: Acme Toys Inc, city: Springfield}
      items:
      - description: Wooden stacking blocks
        hs_code: '9503000073'
        quantity: 500
        value: {amount: 1500, currency: USD}
        origin_country: CN
      incoterm: null
      invoice: null
      packing_list: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                    | severity | market | field            |
      | US.CPSC.EFILING.MISSING | review   | US     | items[0].hs_code |

  @US.CPSC.EFILING.MISSING
  Scenario: US toy shipment without eFiled certificate data (2)
    Given a shipment from "CN" to "US" with:
      """
      date: '2026-11-25'
      mode: sea
      exporter: {name: Ningbo Toys Co Ltd, city: Ningbo, country: CN}
      consignee: {name: Acme Toys Inc, city: Springfield}
      items:
      - description: Wooden stacking blocks
        hs_code: '9503000073'
        quantity: 500
        value: {amount: 1500, currency: USD}
        origin_country: CN
      licences:
      - {type: import_permit, number: X-1}
      incoterm: null
      invoice: null
      packing_list: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                    | severity | market | field            |
      | US.CPSC.EFILING.MISSING | review   | US     | items[0].hs_code |

  @US.CPSC.EFILING.MISSING
  Scenario: Not flagged - the same shipment without what the rule looks for (US.CPSC.EFILING.MISSING)
    Given a shipment from "CN" to "US" with:
      """
      date: '2026-11-25'
      mode: sea
      exporter: {name: Ningbo Toys Co Ltd, city: Ningbo, country: CN}
      consignee: {name: Acme Toys Inc, city: Springfield}
      items:
      - description: Wooden stacking blocks
        hs_code: '9503000073'
        quantity: 500
        value: {amount: 1500, currency: USD}
        origin_country: CN
      licences:
      - {type: cpsc_cpc_efiled, number: CPC-2026-001, issuing_authority: CPSC, issuing_country: US}
      incoterm: null
      invoice: null
      packing_list: null
      """
    When it is screened
    Then there are no findings

  @US.CPSC.EFILING.MISSING
  Scenario: Not flagged - The day before eFiling applies
    Given a shipment from "CN" to "US" with:
      """
      date: '2026-11-25'
      mode: sea
      exporter: {name: Ningbo Toys Co Ltd, city: Ningbo, country: CN}
      consignee: {name: Acme Toys Inc, city: Springfield}
      items:
      - description: Wooden stacking blocks
        hs_code: '9503000073'
        quantity: 500
        value: {amount: 1500, currency: USD}
        origin_country: CN
      incoterm: null
      invoice: null
      packing_list: null
      """
    When it is screened as of "2026-07-07"
    Then there are no findings
