Feature: global.dangerous-goods - lithium batteries shipped alone
  Since 1 April 2022 lithium batteries shipped alone (UN3480, UN3090) are fully regulated
  Class 9 dangerous goods by air: not accepted by post or e-commerce air services.

  @DG.LI.STANDALONE
  Scenario Outline: A power bank cannot go by post, express or air
    Given a shipment to "DE" by "<mode>" of a "<un>" battery
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule             | severity | market | field                                   |
      | DG.LI.STANDALONE | block    | DE     | mode, items[0].dangerous_goods.un_number |
    And rule "DG.LI.STANDALONE" reports the value "<un>" in field "items[0].dangerous_goods.un_number"

    Examples:
      | mode    | un     |
      | post    | UN3480 |
      | express | UN3090 |
      | air     | UN3480 |

  @DG.LI.STANDALONE
  Scenario: The same power bank can go by sea
    Given a shipment to "DE" by "sea" of a "UN3480" battery
    When it is screened as of "2026-11-25"
    Then there are no findings

  @DG.LI.STANDALONE
  Scenario: Before 1 April 2022 Section II still allowed it
    Given a shipment to "DE" by "post" of a "UN3480" battery
    When it is screened as of "2022-03-31"
    Then there are no findings

  @DG.LI.CLASSIFY.PACKING_MISMATCH
  Scenario: Spare batteries shipped alone cannot be declared as batteries in equipment
    Given a shipment from "CN" to "DE" with:
      """
      mode: sea
      items:
      - {description: Spare Li-ion batteries, hs_code: "8507600090", quantity: 10, net_weight_kg: 3.5, gross_weight_kg: 4.2, origin_country: CN, value: {amount: 80, currency: USD}}
      dangerous_goods:
      - {line: 1, un_number: UN3481, packing: alone}
      """
    When it is screened
    Then the findings are exactly:
      | rule                             | severity | market | field                                            |
      | DG.LI.CLASSIFY.PACKING_MISMATCH  | block    | DE     | dangerous_goods[0].packing, dangerous_goods[0].un_number |

  @DG.LI.CLASSIFY.CHEMISTRY_MISMATCH
  Scenario: A battery rated in watt-hours is lithium-ion, not lithium metal
    Given a shipment from "CN" to "DE" with:
      """
      mode: sea
      items:
      - {description: Bluetooth speaker, hs_code: "8518220000", quantity: 10, net_weight_kg: 3.5, gross_weight_kg: 4.2, origin_country: CN, value: {amount: 80, currency: USD}}
      dangerous_goods:
      - {line: 1, un_number: UN3091, packing: in_equipment, watt_hours: 10}
      """
    When it is screened
    Then the findings are exactly:
      | rule                               | severity | market | field                                                |
      | DG.LI.CLASSIFY.CHEMISTRY_MISMATCH  | block    | DE     | dangerous_goods[0].un_number, dangerous_goods[0].watt_hours, dangerous_goods[0].lithium_grams, dangerous_goods[0].cell_lithium_grams |

  @DG.LI.SECTION_II.LIMITS
  Scenario: A 160 Wh battery is over the Section II limit by air
    Given a shipment from "CN" to "DE" with:
      """
      mode: air
      items:
      - {description: Electric bicycle with battery, hs_code: "8711600000", quantity: 10, net_weight_kg: 3.5, gross_weight_kg: 4.2, origin_country: CN, value: {amount: 80, currency: USD}}
      dangerous_goods:
      - {line: 1, un_number: UN3481, packing: in_equipment, section: II, watt_hours: 160, state_of_charge_percent: 30, lithium_battery_mark: true, un38_3_test_summary: true}
      """
    When it is screened
    Then the findings are exactly:
      | rule                     | severity | market | field |
      | DG.LI.SECTION_II.LIMITS  | block    | DE     | mode, dangerous_goods[0].section, dangerous_goods[0].un_number, dangerous_goods[0].watt_hours |

  @DG.LI.SECTION_II.LIMITS
  Scenario: Exactly 100 Wh is still Section II
    Given a shipment from "CN" to "DE" with:
      """
      mode: air
      items:
      - {description: Laptops, hs_code: "8471300000", quantity: 10, net_weight_kg: 3.5, gross_weight_kg: 4.2, origin_country: CN, value: {amount: 80, currency: USD}}
      dangerous_goods:
      - {line: 1, un_number: UN3481, packing: in_equipment, section: II, watt_hours: 100, net_weight_kg: 5, state_of_charge_percent: 30, lithium_battery_mark: true, un38_3_test_summary: true}
      """
    When it is screened
    Then there are no findings

  @DG.LI.SECTION_II.MARK
  Scenario: A Section II package packed with equipment needs the lithium battery mark
    Given a shipment from "CN" to "DE" with:
      """
      mode: air
      items:
      - {description: Camera with spare battery, hs_code: "8525890000", quantity: 10, net_weight_kg: 3.5, gross_weight_kg: 4.2, origin_country: CN, value: {amount: 80, currency: USD}}
      dangerous_goods:
      - {line: 1, un_number: UN3481, packing: with_equipment, packing_instruction: PI966, section: II, watt_hours: 20, state_of_charge_percent: 30, lithium_battery_mark: false, un38_3_test_summary: true}
      """
    When it is screened
    Then the findings are exactly:
      | rule                   | severity | market | field |
      | DG.LI.SECTION_II.MARK  | review   | DE     | mode, dangerous_goods[0].section, dangerous_goods[0].lithium_battery_mark, dangerous_goods[0].packing_instruction, dangerous_goods[0].cells, dangerous_goods[0].batteries |

  @DG.LI.SECTION_II.MARK
  Scenario: Two batteries installed in equipment need no mark
    Given a shipment from "CN" to "DE" with:
      """
      mode: air
      items:
      - {description: Laptops, hs_code: "8471300000", quantity: 10, net_weight_kg: 3.5, gross_weight_kg: 4.2, origin_country: CN, value: {amount: 80, currency: USD}}
      dangerous_goods:
      - {line: 1, un_number: UN3481, packing: in_equipment, packing_instruction: PI967, section: II, watt_hours: 50, batteries: 2, state_of_charge_percent: 30, lithium_battery_mark: false, un38_3_test_summary: true}
      """
    When it is screened
    Then there are no findings

  @DG.LI.SOC_WITH_EQUIPMENT.RECOMMENDED
  Scenario: In 2025 a charge above 30 % was only recommended against
    Given a shipment from "CN" to "DE" with:
      """
      mode: air
      items:
      - {description: Camera with spare battery, hs_code: "8525890000", quantity: 10, net_weight_kg: 3.5, gross_weight_kg: 4.2, origin_country: CN, value: {amount: 80, currency: USD}}
      dangerous_goods:
      - {line: 1, un_number: UN3481, packing: with_equipment, section: II, watt_hours: 10, state_of_charge_percent: 50, lithium_battery_mark: true, un38_3_test_summary: true}
      """
    When it is screened as of "2025-06-01"
    Then the findings are exactly:
      | rule                                 | severity | market | field |
      | DG.LI.SOC_WITH_EQUIPMENT.RECOMMENDED | info     | DE     | mode, dangerous_goods[0].state_of_charge_percent, dangerous_goods[0].un_number, dangerous_goods[0].packing, dangerous_goods[0].watt_hours |

  @DG.LI.SOC_WITH_EQUIPMENT
  Scenario: From 2026 batteries packed with equipment must be at most 30 % charged
    Given a shipment from "CN" to "DE" with:
      """
      mode: air
      items:
      - {description: Camera with spare battery, hs_code: "8525890000", quantity: 10, net_weight_kg: 3.5, gross_weight_kg: 4.2, origin_country: CN, value: {amount: 80, currency: USD}}
      dangerous_goods:
      - {line: 1, un_number: UN3481, packing: with_equipment, section: II, watt_hours: 10, state_of_charge_percent: 50, lithium_battery_mark: true, un38_3_test_summary: true}
      """
    When it is screened as of "2026-01-01"
    Then the findings are exactly:
      | rule                     | severity | market | field |
      | DG.LI.SOC_WITH_EQUIPMENT | block    | DE     | mode, dangerous_goods[0].state_of_charge_percent, dangerous_goods[0].un_number, dangerous_goods[0].packing, dangerous_goods[0].watt_hours |

  @DG.LI.SOC_WITH_EQUIPMENT
  Scenario: A 2.7 Wh cell is not over the threshold
    Given a shipment from "CN" to "DE" with:
      """
      mode: air
      items:
      - {description: Earbuds with spare cell, hs_code: "8518300000", quantity: 10, net_weight_kg: 3.5, gross_weight_kg: 4.2, origin_country: CN, value: {amount: 80, currency: USD}}
      dangerous_goods:
      - {line: 1, un_number: UN3481, packing: with_equipment, section: II, watt_hours: 2.7, state_of_charge_percent: 60, lithium_battery_mark: true, un38_3_test_summary: true}
      """
    When it is screened
    Then there are no findings

  @DG.POSTAL_LI.UPU_LIMITS
  Scenario: A spare battery packed with a camera is not accepted by post
    Given a shipment from "CN" to "DE" with:
      """
      mode: post
      items:
      - {description: Camera with spare battery, hs_code: "8525890000", quantity: 10, net_weight_kg: 3.5, gross_weight_kg: 4.2, origin_country: CN, value: {amount: 80, currency: USD}}
      dangerous_goods:
      - {line: 1, un_number: UN3481, packing: with_equipment, section: II, watt_hours: 10, state_of_charge_percent: 30}
      """
    When it is screened
    Then the findings are exactly:
      | rule                    | severity | market | field |
      | DG.POSTAL_LI.UPU_LIMITS | review   | DE     | mode, dangerous_goods[0].un_number, dangerous_goods[0].packing |

  @DG.POSTAL_LI.UPU_LIMITS
  Scenario: Two batteries installed in a drone are within the postal limit
    Given a shipment from "CN" to "DE" with:
      """
      mode: post
      items:
      - {description: Drone with batteries, hs_code: "8806220000", quantity: 10, net_weight_kg: 3.5, gross_weight_kg: 4.2, origin_country: CN, value: {amount: 80, currency: USD}}
      dangerous_goods:
      - {line: 1, un_number: UN3481, packing: in_equipment, section: II, watt_hours: 40, batteries: 2, state_of_charge_percent: 30}
      """
    When it is screened
    Then there are no findings

  @DG.AEROSOL_PERFUME.POST
  Scenario: Perfume cannot go by international mail
    Given a shipment from "FR" to "DE" with:
      """
      mode: post
      items:
      - {description: Eau de parfum 100 ml, hs_code: "3303001000", quantity: 10, net_weight_kg: 3.5, gross_weight_kg: 4.2, origin_country: FR, value: {amount: 80, currency: USD}}
      """
    When it is screened
    Then the findings are exactly:
      | rule                    | severity | market | field |
      | DG.AEROSOL_PERFUME.POST | block    | DE     | mode, origin_country, destination_country, items[0].description |

  @DG.AEROSOL_PERFUME.POST
  Scenario: Solid perfume is not a flammable liquid
    Given a shipment from "FR" to "DE" with:
      """
      mode: post
      items:
      - {description: Solid perfume balm 10 g, hs_code: "3303001000", quantity: 10, net_weight_kg: 3.5, gross_weight_kg: 4.2, origin_country: FR, value: {amount: 80, currency: USD}}
      """
    When it is screened
    Then there are no findings

  @DG.AEROSOL_PERFUME.EXPRESS_UNDECLARED
  Scenario: Deodorant sprays by express need a dangerous-goods entry
    Given a shipment from "CN" to "DE" with:
      """
      items:
      - {description: Deodorant spray 150 ml, hs_code: "3307200000", quantity: 10, net_weight_kg: 3.5, gross_weight_kg: 4.2, origin_country: CN, value: {amount: 80, currency: USD}}
      """
    When it is screened
    Then the findings are exactly:
      | rule                                  | severity | market | field |
      | DG.AEROSOL_PERFUME.EXPRESS_UNDECLARED | review   | DE     | mode, items[0].description |

  @DG.AEROSOL_PERFUME.EXPRESS_UNDECLARED
  Scenario: Perfume declared as a limited quantity by express
    Given a shipment from "CN" to "DE" with:
      """
      items:
      - {description: Eau de toilette 50 ml, hs_code: "3303009000", quantity: 10, net_weight_kg: 3.5, gross_weight_kg: 4.2, origin_country: CN, value: {amount: 80, currency: USD}}
      dangerous_goods:
      - {line: 1, un_number: UN1266, class: "3", packing_group: II, limited_quantity: true}
      """
    When it is screened
    Then there are no findings

  @DG.PERFUME_AEROSOL_ROAD.NOT_LQ
  Scenario: Perfume by road that is not a limited quantity
    Given a shipment from "FR" to "DE" with:
      """
      mode: road
      items:
      - {description: Eau de parfum 100 ml, hs_code: "3303001000", quantity: 10, net_weight_kg: 3.5, gross_weight_kg: 4.2, origin_country: FR, value: {amount: 80, currency: USD}}
      dangerous_goods:
      - {line: 1, un_number: UN1266, class: "3", packing_group: II}
      """
    When it is screened
    Then the findings are exactly:
      | rule                           | severity | market | field |
      | DG.PERFUME_AEROSOL_ROAD.NOT_LQ | review   | DE     | mode, dangerous_goods[0].un_number, dangerous_goods[0].limited_quantity |

  @DG.PERFUME_AEROSOL_ROAD.NOT_LQ
  Scenario: Perfume by road as a limited quantity
    Given a shipment from "FR" to "DE" with:
      """
      mode: road
      items:
      - {description: Eau de parfum 100 ml, hs_code: "3303001000", quantity: 10, net_weight_kg: 3.5, gross_weight_kg: 4.2, origin_country: FR, value: {amount: 80, currency: USD}}
      dangerous_goods:
      - {line: 1, un_number: UN1266, class: "3", packing_group: II, limited_quantity: true}
      """
    When it is screened
    Then there are no findings

  @DG.MAGNET_AIR.UNDECLARED
  Scenario: Neodymium magnets by air need a field-strength check
    Given a shipment from "CN" to "DE" with:
      """
      mode: air
      items:
      - {description: "Neodymium magnets N52, 100 pcs", hs_code: "8505111000", quantity: 10, net_weight_kg: 3.5, gross_weight_kg: 4.2, origin_country: CN, value: {amount: 80, currency: USD}}
      """
    When it is screened
    Then the findings are exactly:
      | rule                     | severity | market | field |
      | DG.MAGNET_AIR.UNDECLARED | review   | DE     | mode, items[0].description |

  @DG.MAGNET_AIR.UNDECLARED
  Scenario: Fridge magnets are not magnet sets
    Given a shipment from "CN" to "DE" with:
      """
      mode: air
      items:
      - {description: Fridge magnets souvenir set, hs_code: "8505190000", quantity: 10, net_weight_kg: 3.5, gross_weight_kg: 4.2, origin_country: CN, value: {amount: 80, currency: USD}}
      """
    When it is screened
    Then there are no findings
