Feature: au.restricted-goods - laser pointers, vapes and weapons for Australia
  Laser pointers over 1 mW are prohibited imports without permission. Vapes are imported only
  under ODC licences and permits (from 1 March 2024) and supplied only by pharmacies (from 1 July
  2024). Schedule 13 weapons need import permission (list M: review).

  @AU.LASER.POINTER_OVER_1MW
  Scenario: A 5 mW laser pointer for Australia
    Given a listing for market "AU" titled "Green laser pointer 5 mW" with:
      """
      attributes: {laser_mw: 5}
      """
    When it is screened
    Then the findings are exactly:
      | rule                      | severity | market | field                    |
      | AU.LASER.POINTER_OVER_1MW | block    | AU     | attributes.laser_mw, title |

  @AU.LASER.POINTER_OVER_1MW
  Scenario: A 1 mW laser pointer is allowed
    Given a listing for market "AU" titled "Green laser pointer 1 mW" with:
      """
      attributes: {laser_mw: 1}
      """
    When it is screened
    Then there are no findings

  @AU.VAPE.ORDER_FROM_ABROAD
  Scenario: A vape ordered to Australia from China
    Given an order from "CN" to "AU" with:
      """
      items: [{sku: V-1, title: "Vape pen kit, mint", quantity: 1}]
      """
    When it is screened
    Then the findings are exactly:
      | rule                      | severity | market | field                              |
      | AU.VAPE.ORDER_FROM_ABROAD | block    | AU     | ship_from_country, items[0].title |

  @AU.VAPE.ORDER_FROM_ABROAD
  Scenario: Before licences were required
    Given an order from "CN" to "AU" with:
      """
      items: [{sku: V-1, title: "Vape pen kit, mint", quantity: 1}]
      """
    When it is screened as of "2024-02-29"
    Then there are no findings

  @AU.VAPE.SHIPMENT_NO_PERMIT
  Scenario: E-liquid shipped into Australia without a licence
    Given a shipment from "CN" to "AU" with:
      """
      items:
      - {description: "E-liquid refills 10 ml", hs_code: "3824999000", quantity: 10, net_weight_kg: 3.5, gross_weight_kg: 4.2, origin_country: CN, value: {amount: 80, currency: USD}}
      """
    When it is screened
    Then the findings are exactly:
      | rule                       | severity | market | field                          |
      | AU.VAPE.SHIPMENT_NO_PERMIT | block    | AU     | items[0].description |

  @AU.VAPE.SHIPMENT_NO_PERMIT
  Scenario: E-liquid shipped under the ODC import licence
    Given a shipment from "CN" to "AU" with:
      """
      items:
      - {description: "E-liquid refills 10 ml", hs_code: "3824999000", quantity: 10, net_weight_kg: 3.5, gross_weight_kg: 4.2, origin_country: CN, value: {amount: 80, currency: USD}}
      licences: [{type: import_licence, number: ODC-123, issuing_authority: ODC, issuing_country: AU}]
      """
    When it is screened
    Then there are no findings

  @AU.VAPE.LISTING
  Scenario: A vape offered to Australian consumers
    Given a listing for market "AU" titled "Vape pod kit"
    When it is screened
    Then the findings are exactly:
      | rule            | severity | market | field                 |
      | AU.VAPE.LISTING | review   | AU     | title, seller.country |

  @AU.VAPE.LISTING_OVERSEAS_SELLER
  Scenario: A vape offered to Australian consumers by a seller in China is blocked
    Given a listing for market "AU" titled "Nicotine vape pen, mint" with:
      """
      seller: {name: Vapor World Ltd, country: CN}
      """
    When it is screened
    Then the findings are exactly:
      | rule                           | severity | market | field                 |
      | AU.VAPE.LISTING_OVERSEAS_SELLER | block    | AU     | title, seller.country |

  @AU.VAPE.LISTING_OVERSEAS_SELLER
  Scenario: An Australian seller may be a pharmacy, so the offer goes to review
    Given a listing for market "AU" titled "Nicotine vape pen, mint" with:
      """
      seller: {name: Harbour Pharmacy Pty Ltd, country: AU}
      """
    When it is screened
    Then the findings are exactly:
      | rule            | severity | market | field                 |
      | AU.VAPE.LISTING | review   | AU     | title, seller.country |

  @AU.VAPE.LISTING
  Scenario: A steam vaporizer is not a vape
    Given a listing for market "AU" titled "Steam vaporizer humidifier"
    When it is screened
    Then there are no findings

  @AU.KNIFE.SCHEDULE13
  Scenario: An expandable baton needs import permission
    Given a shipment from "CN" to "AU" with:
      """
      items:
      - {description: "Expandable baton 21 inch", hs_code: "9304000000", quantity: 10, net_weight_kg: 3.5, gross_weight_kg: 4.2, origin_country: CN, value: {amount: 80, currency: USD}}
      """
    When it is screened
    Then the findings are exactly:
      | rule                | severity | market | field                          |
      | AU.KNIFE.SCHEDULE13 | review   | AU     | items[0].description |

  @AU.KNIFE.SCHEDULE13
  Scenario: Foam nunchucks for training are not weapons
    Given a shipment from "CN" to "AU" with:
      """
      items:
      - {description: "Foam nunchucks for kids", hs_code: "9506910000", quantity: 10, net_weight_kg: 3.5, gross_weight_kg: 4.2, origin_country: CN, value: {amount: 80, currency: USD}}
      """
    When it is screened
    Then there are no findings
