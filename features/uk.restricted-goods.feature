Feature: uk.restricted-goods - single-use vapes, prohibited offensive weapons and CBD food in the UK
  Single-use vapes may not be sold in the UK from 1 June 2025. Prohibited offensive weapons may
  not be sold or shipped into England and Wales, whatever the age checks; zombie-style knives
  and machetes are prohibited since 24 September 2024 and ninja swords since 1 August 2025 (M).
  CBD food needs a product on the FSA public list, which listings do not reference.

  @UK.PROD.SINGLE_USE_VAPE
  Scenario: A disposable vape cannot be sold in the UK
    Given a listing for market "GB" titled "Disposable vape 600 puffs, blue razz" with:
      """
      attributes: {disposable_vape: true}
      """
    When it is screened
    Then the findings are exactly:
      | rule                    | severity | market | field                     |
      | UK.PROD.SINGLE_USE_VAPE | block    | GB     | attributes.disposable_vape, title |

  @UK.PROD.SINGLE_USE_VAPE
  Scenario: The day before the ban
    Given a listing for market "GB" titled "Disposable vape 600 puffs, blue razz" with:
      """
      attributes: {disposable_vape: true}
      """
    When it is screened as of "2025-05-31"
    Then there are no findings

  @UK.PROD.SINGLE_USE_VAPE
  Scenario: A refillable, rechargeable pod kit is allowed
    Given a listing for market "GB" titled "Refillable pod kit, 1000 mAh" with:
      """
      attributes: {disposable_vape: false, vape_container: device}
      """
    When it is screened
    Then there are no findings

  @UK.KNIFE.PROHIBITED.LISTING
  Scenario: A butterfly knife is a prohibited weapon in Great Britain
    Given a listing for market "GB" titled "Balisong butterfly knife, stainless"
    When it is screened
    Then the findings are exactly:
      | rule                        | severity | market | field |
      | UK.KNIFE.PROHIBITED.LISTING | block    | GB     | title |

  @UK.KNIFE.PROHIBITED.LISTING
  Scenario: A butter knife is not a butterfly knife
    Given a listing for market "GB" titled "Butter knife set of 6"
    When it is screened
    Then there are no findings

  @UK.KNIFE.PROHIBITED.ORDER
  Scenario: An order for a flick knife to Great Britain
    Given an order from "CN" to "GB" with:
      """
      items: [{sku: K-1, title: "Automatic flick knife", quantity: 1}]
      """
    When it is screened
    Then the findings are exactly:
      | rule                      | severity | market | field           |
      | UK.KNIFE.PROHIBITED.ORDER | block    | GB     | items[0].title |

  @UK.KNIFE.PROHIBITED.ORDER
  Scenario: An order for a chef's knife is not for a prohibited weapon
    Given an order from "CN" to "GB" with:
      """
      items: [{sku: K-3, title: "Chef's knife 20 cm", quantity: 1}]
      """
    When it is screened
    Then there are no findings

  @UK.KNIFE.PROHIBITED.SHIPMENT
  Scenario: A shipment of butterfly knives into Great Britain
    Given a shipment from "CN" to "GB" with:
      """
      items:
      - {description: "Butterfly knife, steel", hs_code: "8211930000", quantity: 10, net_weight_kg: 3.5, gross_weight_kg: 4.2, origin_country: CN, value: {amount: 80, currency: USD}}
      """
    When it is screened
    Then the findings are exactly:
      | rule                         | severity | market | field                 |
      | UK.KNIFE.PROHIBITED.SHIPMENT | block    | GB     | items[0].description |

  @UK.KNIFE.PROHIBITED.SHIPMENT
  Scenario: Folding pocket knives are not prohibited weapons
    Given a shipment from "CN" to "GB" with:
      """
      items:
      - {description: "Folding pocket knife, 7 cm blade", hs_code: "8211930000", quantity: 10, net_weight_kg: 3.5, gross_weight_kg: 4.2, origin_country: CN, value: {amount: 80, currency: USD}}
      """
    When it is screened
    Then there are no findings

  @UK.KNIFE.ZOMBIE_STYLE
  Scenario: A zombie-style machete is prohibited since 24 September 2024
    Given a listing for market "GB" titled "Zombie-style machete 18 inch, serrated"
    When it is screened
    Then the findings are exactly:
      | rule                  | severity | market | field |
      | UK.KNIFE.ZOMBIE_STYLE | block    | GB     | title |

  @UK.KNIFE.ZOMBIE_STYLE
  Scenario: The day before the zombie-style ban
    Given a listing for market "GB" titled "Zombie-style machete 18 inch, serrated"
    When it is screened as of "2024-09-23"
    Then there are no findings

  @UK.KNIFE.NINJA_SWORD
  Scenario: A ninja sword goes to review from 1 August 2025
    Given a listing for market "GB" titled "Ninja sword with scabbard, 60 cm"
    When it is screened
    Then the findings are exactly:
      | rule                 | severity | market | field |
      | UK.KNIFE.NINJA_SWORD | block    | GB     | title |

  @UK.KNIFE.NINJA_SWORD
  Scenario: The day before ninja swords were added
    Given a listing for market "GB" titled "Ninja sword with scabbard, 60 cm"
    When it is screened as of "2025-07-31"
    Then there are no findings

  @UK.FSA.CBD_FOOD
  Scenario: CBD gummies in Great Britain need an FSA public-list product
    Given a listing for market "GB" titled "CBD gummies 25 mg, 30 pieces"
    When it is screened
    Then the findings are exactly:
      | rule            | severity | market | field |
      | UK.FSA.CBD_FOOD | review   | GB     | title, attributes.cosmetic |

  @UK.FSA.CBD_FOOD
  Scenario: Hemp seed oil without CBD is ordinary food
    Given a listing for market "GB" titled "Cold-pressed hemp seed oil 250 ml"
    When it is screened
    Then there are no findings
