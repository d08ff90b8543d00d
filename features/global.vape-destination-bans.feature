Feature: global.vape-destination-bans - E-cigarettes to destinations that ban them outright (Singapore, India, Brazil; Thailand; nicotine e-liquid in Japan)
  Destinations that ban the import and sale of electronic cigarettes outright, nicotine-free
  devices, parts and refills included, are the market group VAPE_BANNED of rules/markets.yaml:
  Singapore (Tobacco (Control of Advertisements and Sale) Act 1993 s.16: no import, sale, offer for
  sale or distribution of articles that resemble tobacco products or can be smoked, and their
  components; HSA names e-cigarettes), India (Prohibition of Electronic Cigarettes Act 2019 s.4: no
  production, import, export, transport, sale, distribution, storage or advertisement, in force from
  18 Sep 2019) and Brazil (ANVISA RDC 855/2024: no manufacture, import, sale, distribution, storage,
  transport or advertising of electronic smoking devices, accessories and refills, in force 2 May
  2024, continuing the ban of RDC 46/2009). The brief marks the row L; each ban was read in the
  law's text or the regulator's page (see sources), so these rules block. The rules start on 18 Sep
  2019, when the last of the three bans began. Thailand also bans import and sale (Commerce Ministry
  notification and Consumer Protection Board order of 2014), but those texts were not seen, so
  Thailand is a review. Japan does not ban devices; nicotine-containing e-liquid is an unapproved
  medicine under the PMD Act, sold only with approval and imported by individuals only within
  personal-use limits, so a listing of nicotine e-liquid for Japan is a review. The EU, UK and
  Australian bans are in their own packs (eu/uk/au restricted-goods). Products are recognised by the
  shared list restricted_goods.e_cigarettes and by the vape attributes.

  @VAPE.DEST_BAN.LISTING
  Scenario: E-cigarette offered for a destination that bans them (Singapore, India: e-cigarette kit for Singapore
    Given a listing for market "SG" titled "E-cigarette Starter Kit" with:
      """
      {description: E-cigarette kit with 2 ml pods.}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                  | severity | market | field              |
      | VAPE.DEST_BAN.LISTING | block    | SG     | description, title |

  @VAPE.DEST_BAN.LISTING
  Scenario: E-cigarette offered for a destination that bans them (Singapore, India: refill pods for Brazil, by attribute
    Given a listing for market "BR" titled "Pods sabor menta 2 ml" with:
      """
      attributes: {vape_container: cartridge}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                  | severity | market | field                     |
      | VAPE.DEST_BAN.LISTING | block    | BR     | attributes.vape_container |

  @VAPE.DEST_BAN.LISTING
  Scenario: near miss - India, the day before its ban (no finding of VAPE.DEST_BAN.LISTING)
    Given a listing for market "IN" titled "E-cigarette Starter Kit" with:
      """
      {}
      """
    When it is screened as of "2019-09-17"
    Then there are no findings

  @VAPE.DEST_BAN.LISTING
  Scenario: not a banning destination (no finding of VAPE.DEST_BAN.LISTING)
    Given a listing for market "US" titled "E-cigarette Starter Kit" with:
      """
      {}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule            | severity | market | field |
      | US.ENDS.LISTING | warn     | US     | title |

  @VAPE.DEST_BAN.ORDER
  Scenario: E-cigarette ordered to a destination that bans them (Singapore, India,: example 1
    Given an order from "CN" to "SG" with:
      """
      ship_from_country: CN
      buyer: {type: b2c, name: Tan Wei, country: SG}
      shipping_address: {name: Tan Wei, address: 1 Orchard Road, city: Singapore, country: SG}
      items:
      - {sku: V-1, title: 'Vape pen kit, mint', quantity: 1}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                | severity | market | field          |
      | VAPE.DEST_BAN.ORDER | block    | SG     | items[0].title |

  @VAPE.DEST_BAN.ORDER
  Scenario: E-cigarette ordered to a destination that bans them (Singapore, India,: example 2
    Given an order from "CN" to "BR" with:
      """
      ship_from_country: CN
      buyer: {type: b2c, name: Ana Souza, country: BR}
      shipping_address: {name: Ana Souza, address: Rua A 1, city: São Paulo, country: BR}
      items:
      - {sku: V-2, title: E-liquid 10 ml, quantity: 2}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                | severity | market | field          |
      | VAPE.DEST_BAN.ORDER | block    | BR     | items[0].title |

  @VAPE.DEST_BAN.ORDER
  Scenario: near miss - a vape cleaning kit is not a vape (no finding of VAPE.DEST_BAN.ORDER)
    Given an order from "CN" to "SG" with:
      """
      ship_from_country: CN
      buyer: {type: b2c, name: Tan Wei, country: SG}
      shipping_address: {name: Tan Wei, address: 1 Orchard Road, city: Singapore, country: SG}
      items:
      - {sku: C-1, title: Vape cleaning kit, quantity: 1}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @VAPE.DEST_BAN.ORDER
  Scenario: no vape in the order (no finding of VAPE.DEST_BAN.ORDER)
    Given an order from "CN" to "SG" with:
      """
      ship_from_country: CN
      buyer: {type: b2c, name: Tan Wei, country: SG}
      shipping_address: {name: Tan Wei, address: 1 Orchard Road, city: Singapore, country: SG}
      items:
      - {sku: B-1, title: Stainless steel water bottle, quantity: 1}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @VAPE.DEST_BAN.SHIPMENT
  Scenario: E-cigarettes shipped to a destination that bans them (Singapore, India: example 1
    Given a shipment from "CN" to "SG" with:
      """
      origin_country: CN
      destination_country: SG
      mode: express
      consignee: {name: Tan Wei, address: 1 Orchard Road, city: Singapore, country: SG}
      items:
      - {description: Disposable vape 5000 puffs, hs_code: '854340', quantity: 10}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                   | severity | market | field                |
      | VAPE.DEST_BAN.SHIPMENT | block    | SG     | items[0].description |

  @VAPE.DEST_BAN.SHIPMENT
  Scenario: E-cigarettes shipped to a destination that bans them (Singapore, India: example 2
    Given a shipment from "CN" to "IN" with:
      """
      origin_country: CN
      destination_country: IN
      mode: express
      consignee: {name: Ravi Kumar, address: 1 MG Road, city: Bengaluru, country: IN, tax_id: AAAPL1234C}
      items:
      - {description: Electronic cigarette pods, hs_code: '854390', quantity: 20}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                   | severity | market | field                |
      | VAPE.DEST_BAN.SHIPMENT | block    | IN     | items[0].description |

  @VAPE.DEST_BAN.SHIPMENT
  Scenario: near miss - a steam vaporizer humidifier (no finding of VAPE.DEST_BAN.SHIPMENT)
    Given a shipment from "CN" to "SG" with:
      """
      origin_country: CN
      destination_country: SG
      mode: express
      consignee: {name: Tan Wei, address: 1 Orchard Road, city: Singapore, country: SG}
      items:
      - {description: Steam vaporizer humidifier, hs_code: '850980', quantity: 1}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @VAPE.DEST_BAN.SHIPMENT
  Scenario: not a banning destination (no finding of VAPE.DEST_BAN.SHIPMENT)
    Given a shipment from "CN" to "US" with:
      """
      origin_country: CN
      destination_country: US
      mode: express
      consignee: {name: Jane Doe, address: 1 Main St, city: Boston, country: US}
      items:
      - description: Disposable vape 5000 puffs
        hs_code: '8543400000'
        quantity: 10
        origin_country: CN
        value: {amount: 50, currency: USD}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @VAPE.DEST_BAN.TH_LISTING
  Scenario: E-cigarette offered for Thailand (import and sale banned; texts not se: example 1
    Given a listing for market "TH" titled "Vape pod kit" with:
      """
      {}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                     | severity | market | field |
      | VAPE.DEST_BAN.TH_LISTING | review   | TH     | title |

  @VAPE.DEST_BAN.TH_LISTING
  Scenario: E-cigarette offered for Thailand (import and sale banned; texts not se: example 2
    Given a listing for market "TH" titled "บุหรี่ไฟฟ้า pod" with:
      """
      {}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                     | severity | market | field |
      | VAPE.DEST_BAN.TH_LISTING | review   | TH     | title |

  @VAPE.DEST_BAN.TH_LISTING
  Scenario: near miss - a vape cleaning kit (no finding of VAPE.DEST_BAN.TH_LISTING)
    Given a listing for market "TH" titled "Vape cleaning kit" with:
      """
      {}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @VAPE.DEST_BAN.TH_LISTING
  Scenario: near miss - the day before the start (no finding of VAPE.DEST_BAN.TH_LISTING)
    Given a listing for market "TH" titled "Vape pod kit" with:
      """
      {}
      """
    When it is screened as of "2014-12-31"
    Then there are no findings

  @VAPE.DEST_BAN.TH_ORDER
  Scenario: E-cigarette ordered to Thailand (import and sale banned; texts not see: example 1
    Given an order from "CN" to "TH" with:
      """
      ship_from_country: CN
      buyer: {type: b2c, name: Somchai P., country: TH}
      shipping_address: {name: Somchai P., address: 1 Sukhumvit Rd, city: Bangkok, country: TH}
      items:
      - {sku: V-1, title: Vape pen kit, quantity: 1}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                   | severity | market | field          |
      | VAPE.DEST_BAN.TH_ORDER | review   | TH     | items[0].title |

  @VAPE.DEST_BAN.TH_ORDER
  Scenario: E-cigarette ordered to Thailand (import and sale banned; texts not see: example 2
    Given an order from "CN" to "TH" with:
      """
      ship_from_country: CN
      buyer: {type: b2c, name: Somchai P., country: TH}
      shipping_address: {name: Somchai P., address: 1 Sukhumvit Rd, city: Bangkok, country: TH}
      items:
      - {sku: V-2, title: E-liquid 30 ml, quantity: 1}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                   | severity | market | field          |
      | VAPE.DEST_BAN.TH_ORDER | review   | TH     | items[0].title |

  @VAPE.DEST_BAN.TH_ORDER
  Scenario: near miss - the day before the start (no finding of VAPE.DEST_BAN.TH_ORDER)
    Given an order from "CN" to "TH" with:
      """
      ship_from_country: CN
      buyer: {type: b2c, name: Somchai P., country: TH}
      shipping_address: {name: Somchai P., address: 1 Sukhumvit Rd, city: Bangkok, country: TH}
      items:
      - {sku: V-1, title: Vape pen kit, quantity: 1}
      """
    When it is screened as of "2014-12-31"
    Then there are no findings

  @VAPE.DEST_BAN.TH_ORDER
  Scenario: no vape (no finding of VAPE.DEST_BAN.TH_ORDER)
    Given an order from "CN" to "TH" with:
      """
      ship_from_country: CN
      buyer: {type: b2c, name: Somchai P., country: TH}
      shipping_address: {name: Somchai P., address: 1 Sukhumvit Rd, city: Bangkok, country: TH}
      items:
      - {sku: B-1, title: Stainless steel water bottle, quantity: 1}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @VAPE.DEST_BAN.TH_SHIPMENT
  Scenario: E-cigarettes shipped to Thailand (import banned; texts not seen): example 1
    Given a shipment from "CN" to "TH" with:
      """
      origin_country: CN
      destination_country: TH
      mode: express
      consignee: {name: Somchai P., address: 1 Sukhumvit Rd, city: Bangkok, country: TH}
      items:
      - {description: Vape pods, hs_code: '854390', quantity: 5}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                      | severity | market | field                |
      | VAPE.DEST_BAN.TH_SHIPMENT | review   | TH     | items[0].description |

  @VAPE.DEST_BAN.TH_SHIPMENT
  Scenario: E-cigarettes shipped to Thailand (import banned; texts not seen): example 2
    Given a shipment from "CN" to "TH" with:
      """
      origin_country: CN
      destination_country: TH
      mode: express
      consignee: {name: Somchai P., address: 1 Sukhumvit Rd, city: Bangkok, country: TH}
      items:
      - {description: Disposable vape 600 puffs, hs_code: '854340', quantity: 5}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                      | severity | market | field                |
      | VAPE.DEST_BAN.TH_SHIPMENT | review   | TH     | items[0].description |

  @VAPE.DEST_BAN.TH_SHIPMENT
  Scenario: near miss - steam vaporizer (no finding of VAPE.DEST_BAN.TH_SHIPMENT)
    Given a shipment from "CN" to "TH" with:
      """
      origin_country: CN
      destination_country: TH
      mode: express
      consignee: {name: Somchai P., address: 1 Sukhumvit Rd, city: Bangkok, country: TH}
      items:
      - {description: Steam vaporizer humidifier, hs_code: '850980', quantity: 1}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @VAPE.DEST_BAN.TH_SHIPMENT
  Scenario: near miss - the day before the start (no finding of VAPE.DEST_BAN.TH_SHIPMENT)
    Given a shipment from "CN" to "TH" with:
      """
      origin_country: CN
      destination_country: TH
      mode: express
      consignee: {name: Somchai P., address: 1 Sukhumvit Rd, city: Bangkok, country: TH}
      items:
      - {description: Vape pods, hs_code: '854390', quantity: 5}
      """
    When it is screened as of "2014-12-31"
    Then there are no findings

  @VAPE.DEST_BAN.JP_NICOTINE_LIQUID
  Scenario: Nicotine e-liquid offered for Japan (an unapproved medicine under the : example 1
    Given a listing for market "JP" titled "ニコチンリキッド 10ml" with:
      """
      {}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                             | severity | market | field |
      | VAPE.DEST_BAN.JP_NICOTINE_LIQUID | review   | JP     | title |

  @VAPE.DEST_BAN.JP_NICOTINE_LIQUID
  Scenario: Nicotine e-liquid offered for Japan (an unapproved medicine under the : example 2
    Given a listing for market "JP" titled "E-liquid 10 ml menthol" with:
      """
      attributes: {nicotine_mg_per_ml: 6}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                             | severity | market | field                         |
      | VAPE.DEST_BAN.JP_NICOTINE_LIQUID | review   | JP     | attributes.nicotine_mg_per_ml |

  @VAPE.DEST_BAN.JP_NICOTINE_LIQUID
  Scenario: near miss - nicotine-free liquid (no finding of VAPE.DEST_BAN.JP_NICOTINE_LIQUID)
    Given a listing for market "JP" titled "E-liquid 10 ml menthol" with:
      """
      attributes: {nicotine_mg_per_ml: 0}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @VAPE.DEST_BAN.JP_NICOTINE_LIQUID
  Scenario: not a liquid (no finding of VAPE.DEST_BAN.JP_NICOTINE_LIQUID)
    Given a listing for market "JP" titled "Stainless steel water bottle" with:
      """
      {}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings
