Feature: jp.market-access - Japan - PSE marks for electrical appliances (DENAN), specified importers from 25 Dec 2025, 技適 for radio equipment
  Electrical appliances on Japan's DENAN list (457 items under the Electrical Appliances and
  Materials Safety Act) may be sold only with the PSE mark: the diamond PSE for the 116 "specified"
  items (AC adapters and other DC power supplies, power cords, plugs, sockets and power strips,
  electric water heaters, ...) after a conformity inspection by a METI-registered body, the round
  PSE for the 341 others (kettles, hair dryers, LED lamps, and since 1 Feb 2019 portable lithium-ion
  batteries) on the importer's own confirmation. DENAN covers appliances connected to the mains; a
  device that only charges over USB (a Bluetooth speaker) is not a DENAN item, though its mains
  adapter is. Which product is on the list is read from words for the product families the
  regulators name (shared library product_families): the word lists are the uncertain part (brief M
  for the example assignments), the duty itself is H. From 25 Dec 2025 an overseas business that
  sells such products directly to Japanese consumers is a specified importer and must appoint a
  domestic administrator in Japan. Radio equipment needs the 技適 (technical conformity) mark: using
  an uncertified radio is an offence (Radio Act Art. 4, Art. 110).

  @JP.RADIO.GITEKI_MISSING
  Scenario: Radio product offered for Japan without 技適 (technical conformity) cert: Bluetooth speaker with only a PSE claim
    Given a listing for market "JP" titled "ポータブル Bluetooth スピーカー" with:
      """
      seller: {name: 'Shenzhen Brightway E-commerce Co., Ltd.', country: CN}
      attributes:
        radio: true
        wireless: [bluetooth]
        electrical: true
      certifications:
      - {type: PSE}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                    | severity | market | field                                 |
      | JP.RADIO.GITEKI_MISSING | block    | JP     | attributes.radio, attributes.wireless |

  @JP.RADIO.GITEKI_MISSING
  Scenario: Radio product offered for Japan without 技適 (technical conformity) cert: Wi-Fi camera with an FCC grant only
    Given a listing for market "JP" titled "Wi-Fi security camera" with:
      """
      seller: {name: 'Shenzhen Brightway E-commerce Co., Ltd.', country: CN}
      attributes:
        wireless: [wifi]
      certifications:
      - {type: FCC, id: 2ABCD-CAM1}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                    | severity | market | field               |
      | JP.RADIO.GITEKI_MISSING | block    | JP     | attributes.wireless |

  @JP.RADIO.GITEKI_MISSING
  Scenario: 技適 number shown (written Giteki) (no finding of JP.RADIO.GITEKI_MISSING)
    Given a listing for market "JP" titled "ポータブル Bluetooth スピーカー" with:
      """
      seller: {name: 'Shenzhen Brightway E-commerce Co., Ltd.', country: CN}
      attributes:
        radio: true
        wireless: [bluetooth]
      certifications:
      - {type: Giteki, id: R 201-260123}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @JP.RADIO.GITEKI_MISSING
  Scenario: near miss - a wired speaker is not a radio (no finding of JP.RADIO.GITEKI_MISSING)
    Given a listing for market "JP" titled "有線スピーカー" with:
      """
      seller: {name: 'Shenzhen Brightway E-commerce Co., Ltd.', country: CN}
      attributes:
        radio: false
        wireless: []
        electrical: true
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @JP.PSE.MARK_MISSING
  Scenario: DENAN electrical appliance offered for Japan without a PSE claim: AC adapter with no marks
    Given a listing for market "JP" titled "ACアダプター 12V 2A" with:
      """
      seller: {name: 'Shenzhen Brightway E-commerce Co., Ltd.', country: CN}
      attributes: {electrical: true}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                | severity | market | field                        |
      | JP.PSE.MARK_MISSING | block    | JP     | attributes.electrical, title |

  @JP.PSE.MARK_MISSING
  Scenario: DENAN electrical appliance offered for Japan without a PSE claim: electric kettle with only CE
    Given a listing for market "JP" titled "Electric kettle 1.0 l" with:
      """
      seller: {name: 'Shenzhen Brightway E-commerce Co., Ltd.', country: CN}
      certifications:
      - {type: CE}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                | severity | market | field                        |
      | JP.PSE.MARK_MISSING | block    | JP     | attributes.electrical, title |

  @JP.PSE.MARK_MISSING
  Scenario: near miss - a USB-charged Bluetooth speaker is not a DENAN item (no finding of JP.PSE.MARK_MISSING)
    Given a listing for market "JP" titled "ポータブル Bluetooth スピーカー" with:
      """
      seller: {name: 'Shenzhen Brightway E-commerce Co., Ltd.', country: CN}
      attributes: {electrical: true}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @JP.PSE.MARK_MISSING
  Scenario: near miss - a USB desk fan is not a mains appliance (no finding of JP.PSE.MARK_MISSING)
    Given a listing for market "JP" titled "USB desk fan" with:
      """
      seller: {name: 'Shenzhen Brightway E-commerce Co., Ltd.', country: CN}
      attributes: {electrical: true}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @JP.PSE.POWER_BANK_MISSING
  Scenario: Power bank offered for Japan without a PSE claim (DENAN item since 1 F: mobile battery without marks
    Given a listing for market "JP" titled "10000mAh モバイルバッテリー" with:
      """
      seller: {name: 'Shenzhen Brightway E-commerce Co., Ltd.', country: CN}
      attributes: {electrical: true, battery: li-ion}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                      | severity | market | field |
      | JP.PSE.POWER_BANK_MISSING | block    | JP     | title |

  @JP.PSE.POWER_BANK_MISSING
  Scenario: Power bank offered for Japan without a PSE claim (DENAN item since 1 F: power bank with only CE and FCC
    Given a listing for market "JP" titled "20000 mAh power bank" with:
      """
      seller: {name: 'Shenzhen Brightway E-commerce Co., Ltd.', country: CN}
      certifications:
      - {type: CE}
      - {type: FCC}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                      | severity | market | field |
      | JP.PSE.POWER_BANK_MISSING | block    | JP     | title |

  @JP.PSE.POWER_BANK_MISSING
  Scenario: round PSE claimed (no finding of JP.PSE.POWER_BANK_MISSING)
    Given a listing for market "JP" titled "10000mAh モバイルバッテリー" with:
      """
      seller: {name: 'Shenzhen Brightway E-commerce Co., Ltd.', country: CN}
      certifications:
      - {type: PSE, id: PSE-LB-2026-0789}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @JP.PSE.POWER_BANK_MISSING
  Scenario: near miss - the day before power banks came under DENAN (no finding of JP.PSE.POWER_BANK_MISSING)
    Given a listing for market "JP" titled "10000mAh モバイルバッテリー" with:
      """
      seller: {name: 'Shenzhen Brightway E-commerce Co., Ltd.', country: CN}
      """
    When it is screened as of "2019-01-31"
    Then there are no findings

  @JP.PSE.SPECIFIED_NO_BODY
  Scenario: Specified electrical appliance (diamond PSE) with no registered inspec: AC adapter with a bare PSE claim
    Given a listing for market "JP" titled "ACアダプター 12V 2A" with:
      """
      seller: {name: 'Shenzhen Brightway E-commerce Co., Ltd.', country: CN}
      certifications:
      - {type: PSE, id: PSE-123}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                     | severity | market | field                         |
      | JP.PSE.SPECIFIED_NO_BODY | review   | JP     | certifications[0].type, title |

  @JP.PSE.SPECIFIED_NO_BODY
  Scenario: Specified electrical appliance (diamond PSE) with no registered inspec: power strip with a self-declared test report
    Given a listing for market "JP" titled "電源タップ 6個口" with:
      """
      seller: {name: 'Shenzhen Brightway E-commerce Co., Ltd.', country: CN}
      certifications:
      - {type: PSE, document: test_report, issued_by: Factory QA}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                     | severity | market | field                         |
      | JP.PSE.SPECIFIED_NO_BODY | review   | JP     | certifications[0].type, title |

  @JP.PSE.SPECIFIED_NO_BODY
  Scenario: inspection body named (no finding of JP.PSE.SPECIFIED_NO_BODY)
    Given a listing for market "JP" titled "ACアダプター 12V 2A" with:
      """
      seller: {name: 'Shenzhen Brightway E-commerce Co., Ltd.', country: CN}
      certifications:
      - type: PSE
        document: certificate
        notified_body: {name: JET}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @JP.PSE.SPECIFIED_NO_BODY
  Scenario: near miss - a kettle is a non-specified item (round PSE on self-confirmation) (no finding of JP.PSE.SPECIFIED_NO_BODY)
    Given a listing for market "JP" titled "電気ケトル 1.0L" with:
      """
      seller: {name: 'Shenzhen Brightway E-commerce Co., Ltd.', country: CN}
      certifications:
      - {type: PSE, id: PSE-456}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @JP.PSE.SPECIFIED_IMPORTER_NO_ADMINISTRATOR
  Scenario: Overseas seller shipping PSE products directly to Japanese consumers n: power bank shipped from China by a Chinese seller
    Given a listing for market "JP" titled "10000mAh モバイルバッテリー" with:
      """
      seller: {name: 'Shenzhen Brightway E-commerce Co., Ltd.', country: CN}
      ships_from_country: CN
      certifications:
      - {type: PSE}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                                       | severity | market | field                                                                                             |
      | JP.PSE.SPECIFIED_IMPORTER_NO_ADMINISTRATOR | review   | JP     | certifications[0].type, jp_domestic_administrator.name, seller.country, ships_from_country, title |

  @JP.PSE.SPECIFIED_IMPORTER_NO_ADMINISTRATOR
  Scenario: Overseas seller shipping PSE products directly to Japanese consumers n: kettle shipped from Korea
    Given a listing for market "JP" titled "電気ケトル 1.0L" with:
      """
      seller: {name: Seoul Goods Co., country: KR}
      ships_from_country: KR
      certifications:
      - {type: PSE}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                                       | severity | market | field                                                                                             |
      | JP.PSE.SPECIFIED_IMPORTER_NO_ADMINISTRATOR | review   | JP     | certifications[0].type, jp_domestic_administrator.name, seller.country, ships_from_country, title |

  @JP.PSE.SPECIFIED_IMPORTER_NO_ADMINISTRATOR
  Scenario: near miss - the day before the amendment applied (no finding of JP.PSE.SPECIFIED_IMPORTER_NO_ADMINISTRATOR)
    Given a listing for market "JP" titled "10000mAh モバイルバッテリー" with:
      """
      seller: {name: 'Shenzhen Brightway E-commerce Co., Ltd.', country: CN}
      ships_from_country: CN
      certifications:
      - {type: PSE}
      """
    When it is screened as of "2025-12-24"
    Then there are no findings

  @JP.PSE.SPECIFIED_IMPORTER_NO_ADMINISTRATOR
  Scenario: stock held in Japan (a Japanese importer of record) (no finding of JP.PSE.SPECIFIED_IMPORTER_NO_ADMINISTRATOR)
    Given a listing for market "JP" titled "10000mAh モバイルバッテリー" with:
      """
      seller: {name: 'Shenzhen Brightway E-commerce Co., Ltd.', country: CN}
      ships_from_country: JP
      certifications:
      - {type: PSE}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings
