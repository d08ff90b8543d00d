Feature: eu.restricted-goods - e-cigarette liquids, single-use vape bans and CBD food in the EU
  E-liquid may hold at most 20 mg/ml nicotine, refill containers 10 ml and tanks, cartridges and
  disposables 2 ml (TPD Art. 20(3)). Belgium bans single-use vapes from 1 January 2025 and
  France from 26 February 2025. Ingestible CBD is an unauthorised novel food in the EU.

  @EU.TPD.NICOTINE_OVER_20MG
  Scenario: A 50 mg/ml e-liquid cannot be sold in the EU
    Given a listing for market "DE" titled "E-liquid mint 10 ml" with:
      """
      attributes: {vape_container: refill, liquid_ml: 10, nicotine_mg_per_ml: 50}
      """
    When it is screened
    Then the findings are exactly:
      | rule                      | severity | market | field                         |
      | EU.TPD.NICOTINE_OVER_20MG | block    | DE     | attributes.nicotine_mg_per_ml |

  @EU.TPD.NICOTINE_OVER_20MG @EU.TPD.LIQUID_VOLUME
  Scenario: A 10 ml refill of 20 mg/ml complies
    Given a listing for market "DE" titled "E-liquid mint 10 ml" with:
      """
      attributes: {vape_container: refill, liquid_ml: 10, nicotine_mg_per_ml: 20}
      """
    When it is screened
    Then there are no findings

  @EU.TPD.NICOTINE_OVER_20MG
  Scenario: A strength over 20 mg/ml stated only in the text is caught
    Given a listing for market "DE" titled "E-Liquid Minze 10 ml" with:
      """
      description: "Nikotinhaltiges Liquid, 10 ml, 25 mg/ml."
      """
    When it is screened
    Then the findings are exactly:
      | rule                      | severity | market | field              |
      | EU.TPD.NICOTINE_OVER_20MG | block    | DE     | title, description |

  @EU.TPD.LIQUID_VOLUME
  Scenario: A 30 ml nicotine refill stated only in the text is over the 10 ml limit
    Given a listing for market "DE" titled "E-Liquid Minze 30 ml" with:
      """
      description: "Nikotinhaltiges Liquid, 30 ml Flasche, 12 mg/ml."
      """
    When it is screened
    Then the findings are exactly:
      | rule                 | severity | market | field                                                           |
      | EU.TPD.LIQUID_VOLUME | block    | DE     | title, description, attributes.nicotine_mg_per_ml |

  @EU.TPD.LIQUID_VOLUME
  Scenario: A 3 ml nicotine cartridge is over the 2 ml limit
    Given a listing for market "FR" titled "Cartouches pod 3 ml, 18 mg" with:
      """
      attributes: {vape_container: cartridge, liquid_ml: 3, nicotine_mg_per_ml: 18}
      """
    When it is screened
    Then the findings are exactly:
      | rule                 | severity | market | field                                                                      |
      | EU.TPD.LIQUID_VOLUME | block    | FR     | attributes.nicotine_mg_per_ml, attributes.vape_container, attributes.liquid_ml |

  @EU.TPD.LIQUID_VOLUME
  Scenario: A nicotine-free shortfill is outside Article 20
    Given a listing for market "DE" titled "Shortfill 50 ml, 0 mg" with:
      """
      attributes: {vape_container: refill, liquid_ml: 50, nicotine_mg_per_ml: 0}
      """
    When it is screened
    Then there are no findings

  @EU.VAPE.DISPOSABLE_BAN.BE
  Scenario: A disposable vape in Belgium from 2025
    Given a listing for market "BE" titled "Wegwerp vape 600 puffs" with:
      """
      attributes: {disposable_vape: true, vape_container: disposable, liquid_ml: 2, nicotine_mg_per_ml: 20}
      """
    When it is screened
    Then the findings are exactly:
      | rule                      | severity | market | field                     |
      | EU.VAPE.DISPOSABLE_BAN.BE | block    | BE     | attributes.disposable_vape, attributes.vape_container, title |

  @EU.VAPE.DISPOSABLE_BAN.BE
  Scenario: The day before the Belgian ban
    Given a listing for market "BE" titled "Wegwerp vape 600 puffs" with:
      """
      attributes: {disposable_vape: true, vape_container: disposable, liquid_ml: 2, nicotine_mg_per_ml: 20}
      """
    When it is screened as of "2024-12-31"
    Then there are no findings

  @EU.VAPE.DISPOSABLE_BAN.FR
  Scenario: A "puff" in France from 26 February 2025
    Given a listing for market "FR" titled "Puff jetable 600 bouffées"
    When it is screened
    Then the findings are exactly:
      | rule                      | severity | market | field |
      | EU.VAPE.DISPOSABLE_BAN.FR | block    | FR     | title |

  @EU.VAPE.DISPOSABLE_BAN.FR
  Scenario: The same disposable in Germany is not banned
    Given a listing for market "DE" titled "Disposable vape 600 puffs" with:
      """
      attributes: {disposable_vape: true, vape_container: disposable, liquid_ml: 2, nicotine_mg_per_ml: 20}
      """
    When it is screened
    Then there are no findings

  @EU.VAPE.DISPOSABLE_BAN.FR_ORDER
  Scenario: An order of puffs to France
    Given an order from "FR" to "FR" with:
      """
      items: [{sku: P-1, title: "Puff jetable 600 bouffées", quantity: 5}]
      """
    When it is screened
    Then the findings are exactly:
      | rule                            | severity | market | field           |
      | EU.VAPE.DISPOSABLE_BAN.FR_ORDER | block    | FR     | items[0].title |

  @EU.VAPE.DISPOSABLE_BAN.FR_ORDER
  Scenario: The day before the French ban
    Given an order from "FR" to "FR" with:
      """
      items: [{sku: P-1, title: "Puff jetable 600 bouffées", quantity: 5}]
      """
    When it is screened as of "2025-02-25"
    Then there are no findings

  @EU.VAPE.DISPOSABLE_BAN.BE_ORDER
  Scenario: An order of disposable vapes to Belgium
    Given an order from "BE" to "BE" with:
      """
      items: [{sku: P-1, title: "Wegwerp vape 600 puffs", quantity: 5}]
      """
    When it is screened
    Then the findings are exactly:
      | rule                            | severity | market | field           |
      | EU.VAPE.DISPOSABLE_BAN.BE_ORDER | block    | BE     | items[0].title |

  @EU.VAPE.DISPOSABLE_BAN.BE_ORDER
  Scenario: A refillable pod kit ordered to Belgium
    Given an order from "BE" to "BE" with:
      """
      items: [{sku: P-3, title: "Refillable pod kit", quantity: 1}]
      """
    When it is screened
    Then there are no findings

  @EU.NOVEL_FOOD.CBD_INGESTIBLE
  Scenario: CBD oil drops in Germany are an unauthorised novel food
    Given a listing for market "DE" titled "CBD Öl 10% Tropfen"
    When it is screened
    Then the findings are exactly:
      | rule                        | severity | market | field                      |
      | EU.NOVEL_FOOD.CBD_INGESTIBLE | block    | DE     | title, attributes.cosmetic |

  @EU.NOVEL_FOOD.CBD_INGESTIBLE
  Scenario: A CBD face cream is a cosmetic, not food
    Given a listing for market "DE" titled "CBD face cream 50 ml" with:
      """
      attributes: {cosmetic: true}
      """
    When it is screened
    Then there are no findings
