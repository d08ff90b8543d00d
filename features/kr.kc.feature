Feature: kr.kc - Korea - KC certification for electrical, children's and radio products sold from Korean stock
  Electrical appliances, household and children's products in the KC schemes (Electrical Appliances
  and Consumer Products Safety Control Act) and radio equipment (Radio Waves Act) need KC
  certification or conformity, and the KC mark, to be sold in Korea. Consumers' direct purchases
  from overseas are not banned wholesale: the plan of 16 May 2024 to bar 80 items without KC was
  withdrawn on 19 May 2024, and KATS and Customs test such parcels and block hazardous or
  uncertified items instead. So a listing is decided only where it sells from Korean stock
  (ships_from_country KR, or a Korean seller that records no other dispatch country): then KC is
  required (`block`). Direct-to-consumer parcels would be screened against the KATS hazard lists,
  which are not data here (catalogue reason of KR.KC.SAFETY).

  @KR.KC.DOMESTIC_STOCK_NO_KC
  Scenario: Electrical, radio or children's product sold from Korean stock without: Bluetooth speaker from a Seoul warehouse, no KC
    Given a listing for market "KR" titled "휴대용 블루투스 스피커 10W" with:
      """
      attributes:
        radio: true
        wireless: [bluetooth]
        electrical: true
      ships_from_country: KR
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                       | severity | market | field                                                                            |
      | KR.KC.DOMESTIC_STOCK_NO_KC | block    | KR     | attributes.electrical, attributes.radio, attributes.wireless, ships_from_country |

  @KR.KC.DOMESTIC_STOCK_NO_KC
  Scenario: Electrical, radio or children's product sold from Korean stock without: Korean seller, children's product, only CE
    Given a listing for market "KR" titled "휴대용 블루투스 스피커 10W" with:
      """
      attributes:
        radio: false
        wireless: []
        electrical: false
        children_product: true
      certifications:
      - {type: CE}
      seller: {name: Hanbit Toys, country: KR}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                       | severity | market | field                                                           |
      | KR.KC.DOMESTIC_STOCK_NO_KC | block    | KR     | attributes.children_product, seller.country, ships_from_country |

  @KR.KC.DOMESTIC_STOCK_NO_KC
  Scenario: near miss - shipped directly from China to the consumer (direct purchase) (no finding of KR.KC.DOMESTIC_STOCK_NO_KC)
    Given a listing for market "KR" titled "휴대용 블루투스 스피커 10W" with:
      """
      attributes:
        radio: true
        wireless: [bluetooth]
        electrical: true
      ships_from_country: CN
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @KR.KC.DOMESTIC_STOCK_NO_KC
  Scenario: not an electrical, radio or children's product (no finding of KR.KC.DOMESTIC_STOCK_NO_KC)
    Given a listing for market "KR" titled "도자기 머그컵" with:
      """
      attributes:
        radio: false
        wireless: []
        electrical: false
      ships_from_country: KR
      """
    When it is screened as of "2026-11-25"
    Then there are no findings
