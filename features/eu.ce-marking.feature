Feature: eu.ce-marking - EU CE marking - which acts a product's CE claim must name (electrical, radio, RoHS, cyber, USB-C, machinery)
  CE marking may only be affixed where an EU harmonisation act provides for it (Reg. (EC) 765/2008
  Art. 30), and the EU declaration of conformity names every act that applies: mains equipment LVD
  + EMC + RoHS, other electronics EMC + RoHS, radio equipment RED + RoHS instead of LVD/EMC,
  machinery the Machinery Directive (from 20 Jan 2027 the Machinery Regulation), and from 11 Dec
  2027 connected products the Cyber Resilience Act. EU law puts CE on the product, its packaging
  or documents, not in the listing, and no act requires the DoC online: so a missing or incomplete
  claim in the listing is `review` (ask for the DoC), and CE claimed on a product under no CE act
  is `warn`. Which family a product is in is read from its attributes (electrical, radio,
  wireless) and from words in its title and category; word lists are the uncertain part of these
  rules and are stated in each rule.

  @EU.CE.CLAIM_MISSING
  Scenario: Electrical, no certifications
    Given a listing for market "DE" titled "Electric kettle 1.7 l" with:
      """
      attributes: {electrical: true}
      registrations: {weee_de: "WEEE-Reg.-Nr. DE 12345678"}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                | severity | market | field                 |
      | EU.CE.CLAIM_MISSING | review   | DE     | attributes.electrical |

  @EU.CE.CLAIM_MISSING
  Scenario: Bluetooth product with only an FCC grant
    Given a listing for market "DE" titled "Bluetooth speaker" with:
      """
      attributes:
        wireless: [bluetooth]
      certifications:
      - {type: FCC, id: 2ABCD-SPK1}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                | severity | market | field               |
      | EU.CE.CLAIM_MISSING | review   | DE     | attributes.wireless |

  @EU.CE.CLAIM_MISSING
  Scenario: Not electrical (no finding of this rule)
    Given a listing for market "DE" titled "Ceramic coffee mug 350 ml"
    When it is screened as of "2026-11-25"
    Then there are no findings

  @EU.CE.CLAIM_MISSING
  Scenario: Great Britain is outside the EU rule (no finding of this rule)
    Given a listing for market "GB" titled "Ceramic coffee mug 350 ml" with:
      """
      attributes: {electrical: true}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule            | severity | market | field                 |
      | UK.UKCA.NO_MARK | review   | GB     | attributes.electrical |

  @EU.CE.NON_HARMONISED
  Scenario: CE on a T-shirt
    Given a listing for market "DE" titled "Cotton T-shirt" with:
      """
      certifications:
      - {type: CE}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                 | severity | market | field                                                                                               |
      | EU.CE.NON_HARMONISED | warn     | DE     | attributes.children_product, attributes.electrical, attributes.radio, certifications[0].type, title |

  @EU.CE.NON_HARMONISED
  Scenario: CE on a cosmetic
    Given a listing for market "DE" titled "Face cream 50 ml" with:
      """
      attributes: {cosmetic: true}
      certifications:
      - {type: ce}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                 | severity | market | field                                                                                                             |
      | EU.CE.NON_HARMONISED | warn     | DE     | attributes.children_product, attributes.cosmetic, attributes.electrical, attributes.radio, certifications[0].type |

  @EU.CE.NON_HARMONISED
  Scenario: T-shirt without CE (no finding of this rule)
    Given a listing for market "DE" titled "Cotton T-shirt"
    When it is screened as of "2026-11-25"
    Then there are no findings

  @EU.CE.NON_HARMONISED
  Scenario: Bicycle helmet is PPE, not a bicycle (no finding of this rule)
    Given a listing for market "DE" titled "Bicycle helmet, adult" with:
      """
      certifications:
      - {type: CE}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                | severity | market | field                         |
      | EU.CE.PPE_NOT_CITED | review   | DE     | certifications[0].type, title |

  @EU.CE.RED_NOT_CITED
  Scenario: Bluetooth speaker declared under LVD and EMC
    Given a listing for market "DE" titled "Bluetooth speaker" with:
      """
      attributes:
        wireless: [bluetooth]
      certifications:
      - type: CE
        legislation: [2014/35/EU, 2014/30/EU]
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                 | severity | market | field                                       |
      | EU.CE.RED_NOT_CITED  | review   | DE     | attributes.wireless, certifications[0].type |
      | EU.CE.ROHS_NOT_CITED | review   | DE     | attributes.wireless, certifications[0].type |

  @EU.CE.RED_NOT_CITED
  Scenario: Radio product, CE without any act named
    Given a listing for market "DE" titled "Wi-Fi plug" with:
      """
      attributes: {radio: true}
      certifications:
      - {type: CE}
      registrations: {weee_de: "WEEE-Reg.-Nr. DE 12345678"}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                      | severity | market | field                                           |
      | EU.CE.RED_CYBER_NOT_CITED | review   | DE     | attributes.radio, certifications[0].type, title |
      | EU.CE.RED_NOT_CITED       | review   | DE     | attributes.radio, certifications[0].type        |
      | EU.CE.ROHS_NOT_CITED      | review   | DE     | attributes.radio, certifications[0].type        |

  @EU.CE.RED_NOT_CITED
  Scenario: RED cited (no finding of this rule)
    Given a listing for market "DE" titled "Bluetooth speaker" with:
      """
      attributes:
        wireless: [bluetooth]
      certifications:
      - type: CE
        legislation: [Directive 2014/53/EU, 2011/65/EU]
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @EU.CE.RED_NOT_CITED
  Scenario: Before the RED transition ended (no finding of this rule)
    Given a listing for market "DE" titled "Bluetooth speaker" with:
      """
      attributes: {radio: true}
      certifications:
      - type: CE
        legislation: [1999/5/EC]
      registrations: {weee_de: "WEEE-Reg.-Nr. DE 12345678"}
      """
    When it is screened as of "2017-06-12"
    Then the findings are exactly:
      | rule                 | severity | market | field                                    |
      | EU.CE.ROHS_NOT_CITED | review   | DE     | attributes.radio, certifications[0].type |

  @EU.CE.LVD_NOT_CITED
  Scenario: Kettle 230 V declared under EMC only
    Given a listing for market "DE" titled "Electric kettle 230 V" with:
      """
      attributes: {electrical: true}
      certifications:
      - type: CE
        legislation: [2014/30/EU]
      registrations: {weee_de: "WEEE-Reg.-Nr. DE 12345678"}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                 | severity | market | field                                                                                       |
      | EU.CE.LVD_NOT_CITED  | review   | DE     | attributes.electrical, attributes.radio, attributes.wireless, certifications[0].type, title |
      | EU.CE.ROHS_NOT_CITED | review   | DE     | attributes.electrical, certifications[0].type                                               |

  @EU.CE.LVD_NOT_CITED
  Scenario: Desk lamp with mains plug, CE without acts
    Given a listing for market "DE" titled "Desk lamp" with:
      """
      description: Mains-powered, 220-240V
      attributes: {electrical: true}
      certifications:
      - {type: CE}
      registrations: {weee_de: "WEEE-Reg.-Nr. DE 12345678"}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                 | severity | market | field                                                                                             |
      | EU.CE.EMC_NOT_CITED  | review   | DE     | attributes.electrical, attributes.radio, attributes.wireless, certifications[0].type              |
      | EU.CE.LVD_NOT_CITED  | review   | DE     | attributes.electrical, attributes.radio, attributes.wireless, certifications[0].type, description |
      | EU.CE.ROHS_NOT_CITED | review   | DE     | attributes.electrical, certifications[0].type                                                     |

  @EU.CE.LVD_NOT_CITED
  Scenario: 12 V battery device is below the LVD range (no finding of this rule)
    Given a listing for market "DE" titled "Bicycle light 12 V" with:
      """
      attributes: {electrical: true}
      certifications:
      - type: CE
        legislation: [2014/30/EU]
      registrations: {weee_de: "WEEE-Reg.-Nr. DE 12345678"}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                 | severity | market | field                                         |
      | EU.CE.ROHS_NOT_CITED | review   | DE     | attributes.electrical, certifications[0].type |

  @EU.CE.LVD_NOT_CITED
  Scenario: Mains lawn mower is machinery (no finding of this rule)
    Given a listing for market "DE" titled "Electric lawn mower 230 V" with:
      """
      attributes: {electrical: true}
      certifications:
      - type: CE
        legislation: [2006/42/EC, 2014/30/EU]
      registrations: {weee_de: "WEEE-Reg.-Nr. DE 12345678"}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                 | severity | market | field                                         |
      | EU.CE.ROHS_NOT_CITED | review   | DE     | attributes.electrical, certifications[0].type |

  @EU.CE.EMC_NOT_CITED
  Scenario: LED torch declared under RoHS only
    Given a listing for market "DE" titled "LED torch" with:
      """
      attributes: {electrical: true}
      certifications:
      - type: CE
        legislation: [2011/65/EU]
      registrations: {weee_de: "WEEE-Reg.-Nr. DE 12345678"}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                | severity | market | field                                                                                |
      | EU.CE.EMC_NOT_CITED | review   | DE     | attributes.electrical, attributes.radio, attributes.wireless, certifications[0].type |

  @EU.CE.EMC_NOT_CITED
  Scenario: CE without acts
    Given a listing for market "DE" titled "USB desk fan" with:
      """
      attributes: {electrical: true}
      certifications:
      - {type: CE}
      registrations: {weee_de: "WEEE-Reg.-Nr. DE 12345678"}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                 | severity | market | field                                                                                |
      | EU.CE.EMC_NOT_CITED  | review   | DE     | attributes.electrical, attributes.radio, attributes.wireless, certifications[0].type |
      | EU.CE.ROHS_NOT_CITED | review   | DE     | attributes.electrical, certifications[0].type                                        |

  @EU.CE.EMC_NOT_CITED
  Scenario: Radio product goes under RED (no finding of this rule)
    Given a listing for market "DE" titled "Wi-Fi camera" with:
      """
      attributes: {electrical: true, radio: true}
      certifications:
      - type: CE
        legislation: [2014/53/EU]
      registrations: {weee_de: "WEEE-Reg.-Nr. DE 12345678"}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                      | severity | market | field                                                           |
      | EU.CE.RED_CYBER_NOT_CITED | review   | DE     | attributes.radio, certifications[0].type, title                 |
      | EU.CE.ROHS_NOT_CITED      | review   | DE     | attributes.electrical, attributes.radio, certifications[0].type |

  @EU.CE.EMC_NOT_CITED
  Scenario: The day before the 2014 directives applied (no finding of this rule)
    Given a listing for market "DE" titled "LED torch" with:
      """
      attributes: {electrical: true}
      certifications:
      - type: CE
        legislation: [2011/65/EU]
      registrations: {weee_de: "WEEE-Reg.-Nr. DE 12345678"}
      """
    When it is screened as of "2016-04-19"
    Then there are no findings

  @EU.CE.ROHS_NOT_CITED
  Scenario: Radio product citing RED only
    Given a listing for market "DE" titled "Bluetooth earbuds" with:
      """
      attributes:
        wireless: [bluetooth]
      certifications:
      - type: CE
        legislation: [2014/53/EU]
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                 | severity | market | field                                       |
      | EU.CE.ROHS_NOT_CITED | review   | DE     | attributes.wireless, certifications[0].type |

  @EU.CE.ROHS_NOT_CITED
  Scenario: Electrical product citing LVD and EMC only
    Given a listing for market "DE" titled "Hair dryer" with:
      """
      attributes: {electrical: true}
      certifications:
      - type: CE
        legislation: [2014/35/EU, 2014/30/EU]
      registrations: {weee_de: "WEEE-Reg.-Nr. DE 12345678"}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                 | severity | market | field                                         |
      | EU.CE.ROHS_NOT_CITED | review   | DE     | attributes.electrical, certifications[0].type |

  @EU.CE.ROHS_NOT_CITED
  Scenario: RoHS amendment cited (no finding of this rule)
    Given a listing for market "DE" titled "Hair dryer" with:
      """
      attributes: {electrical: true}
      certifications:
      - type: CE
        legislation: [2014/35/EU, 2014/30/EU, (EU) 2015/863]
      registrations: {weee_de: "WEEE-Reg.-Nr. DE 12345678"}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @EU.CE.ROHS_NOT_CITED
  Scenario: Not EEE (no finding of this rule)
    Given a listing for market "DE" titled "Ceramic coffee mug 350 ml" with:
      """
      certifications:
      - type: CE
        legislation: [2009/48/EC]
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @EU.CE.RED_CYBER_NOT_CITED
  Scenario: Wi-Fi camera citing RED only
    Given a listing for market "DE" titled "Wi-Fi security camera" with:
      """
      attributes:
        wireless: [wifi]
      certifications:
      - type: CE
        legislation: [2014/53/EU, 2011/65/EU]
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                      | severity | market | field                                                                      |
      | EU.CE.RED_CYBER_NOT_CITED | review   | DE     | attributes.wireless, attributes.wireless[0], certifications[0].type, title |

  @EU.CE.RED_CYBER_NOT_CITED
  Scenario: Bluetooth kids smartwatch
    Given a listing for market "DE" titled "Kids smartwatch" with:
      """
      attributes:
        wireless: [bluetooth]
      certifications:
      - type: CE
        legislation: [2014/53/EU]
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                      | severity | market | field                                              |
      | EU.CE.RED_CYBER_NOT_CITED | review   | DE     | attributes.wireless, certifications[0].type, title |
      | EU.CE.ROHS_NOT_CITED      | review   | DE     | attributes.wireless, certifications[0].type        |

  @EU.CE.RED_CYBER_NOT_CITED
  Scenario: The day before the cyber requirements applied (no finding of this rule)
    Given a listing for market "DE" titled "Wi-Fi security camera" with:
      """
      attributes:
        wireless: [wifi]
      certifications:
      - type: CE
        legislation: [2014/53/EU]
      """
    When it is screened as of "2025-07-31"
    Then the findings are exactly:
      | rule                 | severity | market | field                                       |
      | EU.CE.ROHS_NOT_CITED | review   | DE     | attributes.wireless, certifications[0].type |

  @EU.CE.RED_CYBER_NOT_CITED
  Scenario: Offline Bluetooth speaker (no finding of this rule)
    Given a listing for market "DE" titled "Bluetooth speaker" with:
      """
      attributes:
        wireless: [bluetooth]
      certifications:
      - type: CE
        legislation: [2014/53/EU]
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                 | severity | market | field                                       |
      | EU.CE.ROHS_NOT_CITED | review   | DE     | attributes.wireless, certifications[0].type |

  @EU.CE.CRA_NOT_CITED
  Scenario: Wi-Fi plug citing RED and 2022/30 only
    Given a listing for market "DE" titled "Smart Wi-Fi plug" with:
      """
      attributes:
        wireless: [wifi]
      certifications:
      - type: CE
        legislation: [2014/53/EU, (EU) 2022/30]
      """
    When it is screened as of "2027-12-11"
    Then the findings are exactly:
      | rule                 | severity | market | field                                              |
      | EU.CE.CRA_NOT_CITED  | review   | DE     | attributes.wireless, certifications[0].type, title |
      | EU.CE.ROHS_NOT_CITED | review   | DE     | attributes.wireless, certifications[0].type        |

  @EU.CE.CRA_NOT_CITED
  Scenario: Ethernet switch
    Given a listing for market "DE" titled "Gigabit ethernet switch" with:
      """
      attributes: {electrical: true}
      certifications:
      - type: CE
        legislation: [2014/35/EU, 2014/30/EU]
      registrations: {weee_de: "WEEE-Reg.-Nr. DE 12345678"}
      """
    When it is screened as of "2028-03-01"
    Then the findings are exactly:
      | rule                 | severity | market | field                                         |
      | EU.CE.CRA_NOT_CITED  | review   | DE     | certifications[0].type, title                 |
      | EU.CE.ROHS_NOT_CITED | review   | DE     | attributes.electrical, certifications[0].type |

  @EU.CE.CRA_NOT_CITED
  Scenario: CRA cited (no finding of this rule)
    Given a listing for market "DE" titled "Smart Wi-Fi plug" with:
      """
      attributes:
        wireless: [wifi]
      certifications:
      - type: CE
        legislation: [2014/53/EU, (EU) 2024/2847]
      """
    When it is screened as of "2028-03-01"
    Then the findings are exactly:
      | rule                 | severity | market | field                                       |
      | EU.CE.ROHS_NOT_CITED | review   | DE     | attributes.wireless, certifications[0].type |

  @EU.CE.CRA_NOT_CITED
  Scenario: The day before the CRA requirements applied (no finding of this rule)
    Given a listing for market "DE" titled "Smart Wi-Fi plug" with:
      """
      attributes:
        wireless: [wifi]
      certifications:
      - type: CE
        legislation: [2014/53/EU]
      """
    When it is screened as of "2027-12-10"
    Then the findings are exactly:
      | rule                      | severity | market | field                                                                      |
      | EU.CE.RED_CYBER_NOT_CITED | review   | DE     | attributes.wireless, attributes.wireless[0], certifications[0].type, title |
      | EU.CE.ROHS_NOT_CITED      | review   | DE     | attributes.wireless, certifications[0].type                                |

  @EU.CE.USBC_LEGACY_PORT
  Scenario: Headphones with micro-USB
    Given a listing for market "DE" titled "Wireless headphones" with:
      """
      {description: Charges via micro-USB in 2 hours}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                   | severity | market | field              |
      | EU.CE.USBC_LEGACY_PORT | review   | DE     | description, title |

  @EU.CE.USBC_LEGACY_PORT
  Scenario: Kopfhörer mit Hohlstecker
    Given a listing for market "DE" titled "Bluetooth Kopfhörer" with:
      """
      bullet_points: [Laden über Hohlstecker]
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                   | severity | market | field                   |
      | EU.CE.USBC_LEGACY_PORT | review   | DE     | bullet_points[0], title |

  @EU.CE.USBC_LEGACY_PORT
  Scenario: The day before the rule applied (no finding of this rule)
    Given a listing for market "DE" titled "Wireless headphones" with:
      """
      {description: Charges via micro-USB}
      """
    When it is screened as of "2024-12-27"
    Then there are no findings

  @EU.CE.USBC_LEGACY_PORT
  Scenario: Laptops are not yet covered (no finding of this rule)
    Given a listing for market "DE" titled "Laptop 15 inch" with:
      """
      {description: DC jack charging}
      """
    When it is screened as of "2026-04-27"
    Then there are no findings

  @EU.CE.USBC_LEGACY_PORT_LAPTOP
  Scenario: Laptop with DC jack
    Given a listing for market "DE" titled "Laptop 15 inch" with:
      """
      {description: 'Charging through DC jack, 65 W adapter'}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                          | severity | market | field              |
      | EU.CE.USBC_LEGACY_PORT_LAPTOP | review   | DE     | description, title |

  @EU.CE.USBC_LEGACY_PORT_LAPTOP
  Scenario: First day
    Given a listing for market "DE" titled "Chromebook 14" with:
      """
      bullet_points: [barrel connector charger]
      """
    When it is screened as of "2026-04-28"
    Then the findings are exactly:
      | rule                          | severity | market | field                   |
      | EU.CE.USBC_LEGACY_PORT_LAPTOP | review   | DE     | bullet_points[0], title |

  @EU.CE.USBC_LEGACY_PORT_LAPTOP
  Scenario: The day before (no finding of this rule)
    Given a listing for market "DE" titled "Laptop 15 inch" with:
      """
      {description: Charging through DC jack}
      """
    When it is screened as of "2026-04-27"
    Then there are no findings

  @EU.CE.USBC_LEGACY_PORT_LAPTOP
  Scenario: Laptop bag is not a laptop (no finding of this rule)
    Given a listing for market "DE" titled "Laptop bag with DC jack pocket"
    When it is screened as of "2026-11-25"
    Then there are no findings

  @EU.CE.USBC_EBAY_CHARGER_INFO
  Scenario: EBay smartphone without charger statement
    Given a listing for market "DE" titled "Smartphone 128 GB" with:
      """
      {marketplace: ebay.de, description: 'USB-C, 25 W'}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                          | severity | market | field              |
      | EU.CE.USBC_EBAY_CHARGER_INFO  | review   | DE     | marketplace, title |
      | EU.ENERGY.LABEL_MISSING_PHONE | warn     | DE     | title              |

  @EU.CE.USBC_EBAY_CHARGER_INFO
  Scenario: EBay headphones
    Given a listing for market "DE" titled "Bluetooth headphones" with:
      """
      {marketplace: www.ebay.fr}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                         | severity | market | field              |
      | EU.CE.USBC_EBAY_CHARGER_INFO | review   | DE     | marketplace, title |

  @EU.CE.USBC_EBAY_CHARGER_INFO
  Scenario: Not on eBay (no finding of this rule)
    Given a listing for market "DE" titled "Smartphone 128 GB" with:
      """
      {marketplace: amazon.de}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                          | severity | market | field |
      | EU.ENERGY.LABEL_MISSING_PHONE | warn     | DE     | title |

  @EU.CE.USBC_EBAY_CHARGER_INFO
  Scenario: Before the rule applied (no finding of this rule)
    Given a listing for market "DE" titled "Smartphone 128 GB" with:
      """
      {marketplace: ebay.de}
      """
    When it is screened as of "2024-12-27"
    Then there are no findings

  @EU.CE.USBC_EBAY_CHARGER_INFO_LAPTOP
  Scenario: EBay laptop
    Given a listing for market "DE" titled "Laptop 14 inch 16 GB" with:
      """
      {marketplace: ebay.de}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                                | severity | market | field              |
      | EU.CE.USBC_EBAY_CHARGER_INFO_LAPTOP | review   | DE     | marketplace, title |

  @EU.CE.USBC_EBAY_CHARGER_INFO_LAPTOP
  Scenario: First day, EU.CE.USBC_EBAY_CHARGER_INFO_LAPTOP
    Given a listing for market "DE" titled "Chromebook 11" with:
      """
      {marketplace: ebay.it}
      """
    When it is screened as of "2026-04-28"
    Then the findings are exactly:
      | rule                                | severity | market | field              |
      | EU.CE.USBC_EBAY_CHARGER_INFO_LAPTOP | review   | DE     | marketplace, title |

  @EU.CE.USBC_EBAY_CHARGER_INFO_LAPTOP
  Scenario: The day before, EU.CE.USBC_EBAY_CHARGER_INFO_LAPTOP (no finding of this rule)
    Given a listing for market "DE" titled "Laptop 14 inch 16 GB" with:
      """
      {marketplace: ebay.de}
      """
    When it is screened as of "2026-04-27"
    Then there are no findings

  @EU.CE.USBC_EBAY_CHARGER_INFO_LAPTOP
  Scenario: Statement given (no finding of this rule)
    Given a listing for market "DE" titled "Laptop 14 inch" with:
      """
      marketplace: ebay.de
      bullet_points: [Charger not included]
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @EU.CE.MACHINERY_DIRECTIVE_NOT_CITED
  Scenario: Lawn mower declared under LVD only
    Given a listing for market "DE" titled "Electric lawn mower 1600 W" with:
      """
      certifications:
      - type: CE
        legislation: [2014/35/EU]
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                                | severity | market | field                         |
      | EU.CE.MACHINERY_DIRECTIVE_NOT_CITED | review   | DE     | certifications[0].type, title |

  @EU.CE.MACHINERY_DIRECTIVE_NOT_CITED
  Scenario: Kettensäge with CE but no acts
    Given a listing for market "DE" titled "Akku Kettensäge 40 V" with:
      """
      certifications:
      - {type: CE}
      """
    When it is screened as of "2027-01-19"
    Then the findings are exactly:
      | rule                                | severity | market | field                         |
      | EU.CE.BATT_NOT_CITED                | review   | DE     | title                         |
      | EU.CE.MACHINERY_DIRECTIVE_NOT_CITED | review   | DE     | certifications[0].type, title |

  @EU.CE.MACHINERY_DIRECTIVE_NOT_CITED
  Scenario: Machinery Directive cited (no finding of this rule)
    Given a listing for market "DE" titled "Electric lawn mower" with:
      """
      certifications:
      - type: CE
        legislation: [2006/42/EC, 2014/30/EU]
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @EU.CE.MACHINERY_DIRECTIVE_NOT_CITED
  Scenario: Not machinery (no finding of this rule)
    Given a listing for market "DE" titled "Lawn chair" with:
      """
      certifications:
      - type: CE
        legislation: [2014/35/EU]
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @EU.CE.MACHINERY_REGULATION_NOT_CITED
  Scenario: Directive still cited after the repeal
    Given a listing for market "DE" titled "Hedge trimmer 600 W" with:
      """
      certifications:
      - type: CE
        legislation: [2006/42/EC, 2014/30/EU]
      """
    When it is screened as of "2027-01-20"
    Then the findings are exactly:
      | rule                                 | severity | market | field                         |
      | EU.CE.MACHINERY_REGULATION_NOT_CITED | review   | DE     | certifications[0].type, title |

  @EU.CE.MACHINERY_REGULATION_NOT_CITED
  Scenario: Rasenmäher with CE but no acts
    Given a listing for market "DE" titled "Rasenmäher Benzin" with:
      """
      certifications:
      - {type: CE}
      """
    When it is screened as of "2027-06-01"
    Then the findings are exactly:
      | rule                                 | severity | market | field                         |
      | EU.CE.MACHINERY_REGULATION_NOT_CITED | review   | DE     | certifications[0].type, title |

  @EU.CE.MACHINERY_REGULATION_NOT_CITED
  Scenario: Regulation cited (no finding of this rule)
    Given a listing for market "DE" titled "Hedge trimmer" with:
      """
      certifications:
      - type: CE
        legislation: [(EU) 2023/1230, 2014/30/EU]
      """
    When it is screened as of "2027-06-01"
    Then there are no findings

  @EU.CE.MACHINERY_REGULATION_NOT_CITED
  Scenario: The day before the Regulation applied (no finding of this rule)
    Given a listing for market "DE" titled "Hedge trimmer 600 W" with:
      """
      certifications:
      - type: CE
        legislation: [2006/42/EC]
      """
    When it is screened as of "2027-01-19"
    Then there are no findings

  @EU.CE.UKNI_IN_EU
  Scenario: CE and UK(NI) offered in Germany
    Given a listing for market "DE" titled "Ceramic coffee mug 350 ml" with:
      """
      certifications:
      - {type: CE}
      - {type: UK(NI)}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule             | severity | market | field                  |
      | EU.CE.UKNI_IN_EU | review   | DE     | certifications[1].type |

  @EU.CE.UKNI_IN_EU
  Scenario: UKNI offered in France
    Given a listing for market "FR" titled "Ceramic coffee mug 350 ml" with:
      """
      certifications:
      - {type: UKNI}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule             | severity | market | field                  |
      | EU.CE.UKNI_IN_EU | review   | FR     | certifications[0].type |

  @EU.CE.UKNI_IN_EU
  Scenario: CE only (no finding of this rule)
    Given a listing for market "DE" titled "Ceramic coffee mug 350 ml" with:
      """
      certifications:
      - {type: CE}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @EU.CE.UKNI_IN_EU
  Scenario: Northern Ireland is outside this rule (no finding of this rule)
    Given a listing for market "XI" titled "Ceramic coffee mug 350 ml" with:
      """
      certifications:
      - {type: CE}
      - {type: UKNI}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @EU.CE.ROHS_RESTRICTED_SUBSTANCE
  Scenario: Lead solder declared
    Given a listing for market "DE" titled "USB hub" with:
      """
      attributes:
        electrical: true
        chemicals: [Lead (solder)]
      registrations: {weee_de: "WEEE-Reg.-Nr. DE 12345678"}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule | severity | market | field |
      | EU.CE.CLAIM_MISSING | review | DE | attributes.electrical |
      | EU.CE.ROHS_RESTRICTED_SUBSTANCE | review | DE | attributes.chemicals[0], attributes.electrical, attributes.substances |
      | EU.REACH.SVHC.NO_STATEMENT | review | DE | attributes.chemicals[0], attributes.substances |

  @EU.CE.ROHS_OVER_LIMIT
  Scenario: Lead declared at 0.2 % in solder, no exemption cited, is blocked
    Given a listing for market "DE" titled "LED desk lamp 230 V" with:
      """
      registrations: {weee_de: "WEEE-Reg.-Nr. DE 12345678"}
      attributes:
        electrical: true
        chemicals: [lead 0.2 % in solder]
      certifications:
      - {type: CE, legislation: [2014/35/EU, 2014/30/EU, 2011/65/EU]}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule | severity | market | field |
      | EU.CE.ROHS_OVER_LIMIT | block | DE | attributes.electrical, attributes.substances[0].name, attributes.substances[0].bound, attributes.substances[0].percent |
      | EU.REACH.SVHC.NO_STATEMENT | review | DE | attributes.chemicals[0], attributes.substances[0].name, attributes.substances[0].percent |

  @EU.CE.ROHS_OVER_LIMIT
  Scenario: An Annex III exemption cited turns the exceedance into a review of the evidence
    Given a listing for market "DE" titled "LED desk lamp 230 V" with:
      """
      description: High-melting-temperature solder under RoHS Annex III exemption 7(a).
      registrations: {weee_de: "WEEE-Reg.-Nr. DE 12345678"}
      attributes:
        electrical: true
        chemicals: [lead 85 % in solder]
      certifications:
      - {type: CE, legislation: [2014/35/EU, 2014/30/EU, 2011/65/EU]}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule | severity | market | field |
      | EU.CE.ROHS_RESTRICTED_SUBSTANCE | review | DE | attributes.chemicals[0], attributes.electrical, attributes.substances[0].name, attributes.substances[0].percent, description |
      | EU.REACH.SVHC.NO_STATEMENT | review | DE | attributes.chemicals[0], attributes.substances[0].name, attributes.substances[0].percent |

  @EU.CE.ROHS_RESTRICTED_SUBSTANCE
  Scenario: Cadmium by CAS number
    Given a listing for market "DE" titled "Wi-Fi lamp" with:
      """
      attributes:
        radio: true
        chemicals: [7440-43-9]
      registrations: {weee_de: "WEEE-Reg.-Nr. DE 12345678"}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule | severity | market | field |
      | EU.CE.CLAIM_MISSING | review | DE | attributes.radio |
      | EU.CE.ROHS_RESTRICTED_SUBSTANCE | review | DE | attributes.chemicals[0], attributes.radio, attributes.substances |
      | EU.REACH.23.CADMIUM_DECLARED | review | DE | attributes.chemicals[0] |

  @EU.CE.ROHS_RESTRICTED_SUBSTANCE
  Scenario: Lead-free solder (no finding of this rule)
    Given a listing for market "DE" titled "USB hub" with:
      """
      attributes:
        electrical: true
        chemicals: [lead-free solder SAC305]
      registrations: {weee_de: "WEEE-Reg.-Nr. DE 12345678"}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                | severity | market | field                 |
      | EU.CE.CLAIM_MISSING | review   | DE     | attributes.electrical |

  @EU.CE.ROHS_RESTRICTED_SUBSTANCE
  Scenario: Not EEE (a fishing weight) (no finding of this rule)
    Given a listing for market "DE" titled "Fishing sinker" with:
      """
      attributes:
        chemicals: [lead]
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule | severity | market | field |
      | EU.REACH.SVHC.NO_STATEMENT | review | DE | attributes.chemicals[0], attributes.substances |

  @EU.CE.ROHS_RESTRICTED_PHTHALATE
  Scenario: DEHP in the cable
    Given a listing for market "DE" titled "Extension cable" with:
      """
      attributes:
        electrical: true
        chemicals: [DEHP (PVC cable sheath)]
      registrations: {weee_de: "WEEE-Reg.-Nr. DE 12345678"}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule | severity | market | field |
      | EU.CE.CLAIM_MISSING | review | DE | attributes.electrical |
      | EU.CE.ROHS_RESTRICTED_PHTHALATE | review | DE | attributes.chemicals[0], attributes.electrical |
      | EU.REACH.51.PHTHALATES_DECLARED | review | DE | attributes.chemicals[0], attributes.substances, derived.reach51_phthalates_percent |
      | EU.REACH.SVHC.NO_STATEMENT | review | DE | attributes.chemicals[0], attributes.substances |

  @EU.CE.ROHS_RESTRICTED_PHTHALATE
  Scenario: DIBP by CAS number
    Given a listing for market "DE" titled "Headset" with:
      """
      attributes:
        radio: true
        chemicals: [84-69-5]
      registrations: {weee_de: "WEEE-Reg.-Nr. DE 12345678"}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule | severity | market | field |
      | EU.CE.CLAIM_MISSING | review | DE | attributes.radio |
      | EU.CE.ROHS_RESTRICTED_PHTHALATE | review | DE | attributes.chemicals[0], attributes.radio |
      | EU.REACH.51.PHTHALATES_DECLARED | review | DE | attributes.chemicals[0], attributes.substances, derived.reach51_phthalates_percent |
      | EU.REACH.SVHC.NO_STATEMENT | review | DE | attributes.chemicals[0], attributes.substances |

  @EU.CE.ROHS_RESTRICTED_PHTHALATE
  Scenario: The day before the phthalates applied (no finding of this rule)
    Given a listing for market "DE" titled "Extension cable" with:
      """
      attributes:
        electrical: true
        chemicals: [DEHP]
      registrations: {weee_de: "WEEE-Reg.-Nr. DE 12345678"}
      """
    When it is screened as of "2019-07-21"
    Then the findings are exactly:
      | rule | severity | market | field |
      | EU.CE.CLAIM_MISSING | review | DE | attributes.electrical |
      | EU.REACH.51.PHTHALATES_DECLARED | review | DE | attributes.chemicals[0], attributes.substances, derived.reach51_phthalates_percent |
      | EU.REACH.SVHC.NO_STATEMENT | review | DE | attributes.chemicals[0], attributes.substances |

  @EU.CE.ROHS_RESTRICTED_PHTHALATE
  Scenario: Phthalate-free declared (no finding of this rule)
    Given a listing for market "DE" titled "Extension cable" with:
      """
      attributes:
        electrical: true
        chemicals: [phthalate-free PVC]
      registrations: {weee_de: "WEEE-Reg.-Nr. DE 12345678"}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                | severity | market | field                 |
      | EU.CE.CLAIM_MISSING | review   | DE     | attributes.electrical |
