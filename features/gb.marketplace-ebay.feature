Feature: gb.marketplace-ebay - eBay UK's prohibited and restricted items
  eBay UK bans some knives, single-use vapes, lasers over 1 mW or of banned kinds and 18650
  cells sold alone, and restricts bladed products, vapes (18+ statement) and tobacco. These are
  store policies applied where the listing's marketplace is ebay.co.uk.

  @UK.EBAY.PROHIBITED_KNIFE
  Scenario: A zombie knife is prohibited on eBay UK
    Given a listing for market "GB" titled "Zombie knife 24 inch with sheath" with:
      """
      marketplace: ebay.co.uk
      """
    When it is screened
    Then the findings are exactly:
      | rule | severity | market | field |
      | UK.EBAY.PROHIBITED_KNIFE | block | GB | title, marketplace |
      | UK.KNIFE.PROHIBITED.LISTING | block | GB | title |

  @UK.EBAY.PROHIBITED_KNIFE
  Scenario: A butter knife is not a butterfly knife
    Given a listing for market "GB" titled "Butter knife set of 6" with:
      """
      marketplace: ebay.co.uk
      """
    When it is screened
    Then there are no findings

  @UK.EBAY.BLADE_CONDITIONS
  Scenario: A bladed product must meet eBay UK's bladed-product conditions
    Given a listing for market "GB" titled "Chef's knife 20 cm" with:
      """
      marketplace: ebay.co.uk
      attributes: {blade: true}
      """
    When it is screened
    Then the findings are exactly:
      | rule | severity | market | field |
      | UK.EBAY.BLADE_CONDITIONS | review | GB | attributes.blade, marketplace |

  @UK.EBAY.BLADE_CONDITIONS
  Scenario: A product without a blade is not a bladed product
    Given a listing for market "GB" titled "Chef's knife sharpener" with:
      """
      marketplace: ebay.co.uk
      attributes: {blade: false}
      """
    When it is screened
    Then there are no findings

  @UK.EBAY.SINGLE_USE_VAPE
  Scenario: Single-use vapes are banned in the UK from 1 June 2025
    Given a listing for market "GB" titled "Disposable vape 600 puffs" with:
      """
      marketplace: ebay.co.uk
      description: "Sale to persons aged 18 or over only."
      attributes: {disposable_vape: true}
      """
    When it is screened
    Then the findings are exactly:
      | rule | severity | market | field |
      | UK.EBAY.SINGLE_USE_VAPE | block | GB | attributes.disposable_vape, marketplace |
      | UK.PROD.SINGLE_USE_VAPE | block | GB | attributes.disposable_vape, title |

  @UK.EBAY.SINGLE_USE_VAPE
  Scenario: The day before the ban
    Given a listing for market "GB" titled "Disposable vape 600 puffs" with:
      """
      marketplace: ebay.co.uk
      description: "Sale to persons aged 18 or over only."
      attributes: {disposable_vape: true}
      """
    When it is screened as of "2025-05-31"
    Then there are no findings

  @UK.EBAY.VAPE_AGE_STATEMENT
  Scenario: An e-liquid without the 18+ statement
    Given a listing for market "GB" titled "E-liquid 10 ml strawberry" with:
      """
      marketplace: ebay.co.uk
      """
    When it is screened
    Then the findings are exactly:
      | rule | severity | market | field |
      | UK.EBAY.VAPE_AGE_STATEMENT | review | GB | description, marketplace, title |

  @UK.EBAY.VAPE_AGE_STATEMENT
  Scenario: A vapour barrier is not a vape
    Given a listing for market "GB" titled "Vapour barrier membrane 25 m" with:
      """
      marketplace: ebay.co.uk
      """
    When it is screened
    Then there are no findings

  @UK.EBAY.TOBACCO
  Scenario: Tobacco goes to review
    Given a listing for market "GB" titled "Rolling tobacco 50 g" with:
      """
      marketplace: ebay.co.uk
      """
    When it is screened
    Then the findings are exactly:
      | rule | severity | market | field |
      | UK.EBAY.TOBACCO | review | GB | title, marketplace |

  @UK.EBAY.TOBACCO
  Scenario: A tobacco pouch is an accessory, not tobacco
    Given a listing for market "GB" titled "Leather tobacco pouch" with:
      """
      marketplace: ebay.co.uk
      """
    When it is screened
    Then there are no findings

  @UK.EBAY.LASER_OVER_1MW
  Scenario: A 5 mW laser pointer is over eBay UK's 1 mW limit
    Given a listing for market "GB" titled "Green laser pointer" with:
      """
      marketplace: ebay.co.uk
      attributes: {laser_mw: 5}
      """
    When it is screened
    Then the findings are exactly:
      | rule | severity | market | field |
      | UK.EBAY.LASER_OVER_1MW | block | GB | attributes.laser_mw, marketplace |

  @UK.EBAY.LASER_OVER_1MW
  Scenario: Exactly 1 mW is allowed
    Given a listing for market "GB" titled "Presenter laser pointer" with:
      """
      marketplace: ebay.co.uk
      attributes: {laser_mw: 1}
      """
    When it is screened
    Then there are no findings

  @UK.EBAY.LASER_BANNED_WORDS
  Scenario: A "high powered laser" is banned however strong it says it is
    Given a listing for market "GB" titled "High powered laser green 532 nm" with:
      """
      marketplace: ebay.co.uk
      attributes: {laser_mw: 1}
      """
    When it is screened
    Then the findings are exactly:
      | rule | severity | market | field |
      | UK.EBAY.LASER_BANNED_WORDS | block | GB | title, marketplace |

  @UK.EBAY.LASER_BANNED_WORDS
  Scenario: A class 2 laser level is not a high-powered laser
    Given a listing for market "GB" titled "Cross line laser level, class 2" with:
      """
      marketplace: ebay.co.uk
      """
    When it is screened
    Then there are no findings

  @UK.EBAY.LASER_POWER_UNKNOWN
  Scenario: A laser pointer without its power goes to review
    Given a listing for market "GB" titled "Laser pointer red for presentations" with:
      """
      marketplace: ebay.co.uk
      """
    When it is screened
    Then the findings are exactly:
      | rule | severity | market | field |
      | UK.EBAY.LASER_POWER_UNKNOWN | review | GB | attributes.laser_mw, marketplace, title |

  @UK.EBAY.LASER_POWER_UNKNOWN
  Scenario: A laser pointer under 1 mW with its power stated
    Given a listing for market "GB" titled "Laser pointer red for presentations" with:
      """
      marketplace: ebay.co.uk
      attributes: {laser_mw: 0.9}
      """
    When it is screened
    Then there are no findings

  @UK.EBAY.LOOSE_18650
  Scenario: Loose 18650 cells are banned on eBay UK
    Given a listing for market "GB" titled "18650 battery 3000 mAh 2 pack" with:
      """
      marketplace: ebay.co.uk
      batteries: [{chemistry: li-ion, packing: alone, count: 2}]
      """
    When it is screened
    Then the findings are exactly:
      | rule | severity | market | field |
      | UK.EBAY.LOOSE_18650 | block | GB | title, batteries[0].packing, marketplace |

  @UK.EBAY.LOOSE_18650
  Scenario: An 18650 cell inside a torch is not sold alone
    Given a listing for market "GB" titled "LED torch with 18650 battery" with:
      """
      marketplace: ebay.co.uk
      batteries: [{chemistry: li-ion, packing: in_equipment, count: 1}]
      """
    When it is screened
    Then there are no findings

  @UK.EBAY.LOOSE_18650_PACKING_UNKNOWN
  Scenario: 18650 cells with no equipment recorded go to review
    Given a listing for market "GB" titled "18650 Li-ion Cell 3000 mAh, 2 Pack" with:
      """
      marketplace: ebay.co.uk
      attributes: {electrical: false, battery: li-ion}
      """
    When it is screened
    Then the findings are exactly:
      | rule                               | severity | market | field                                        |
      | UK.EBAY.LOOSE_18650_PACKING_UNKNOWN | review   | GB     | title, marketplace, attributes.electrical |

  @UK.EBAY.LOOSE_18650_PACKING_UNKNOWN
  Scenario: A torch that is electrical equipment is not a loose cell
    Given a listing for market "GB" titled "LED torch with 18650 battery" with:
      """
      marketplace: ebay.co.uk
      attributes: {electrical: true, battery: li-ion}
      certifications: [{type: UKCA}]
      """
    When it is screened
    Then there are no findings
    And rule "UK.EBAY.LOOSE_18650_PACKING_UNKNOWN" does not fire
