Feature: eu.batteries - EU Batteries Regulation (EU) 2023/1542 - CE for batteries and user-replaceable portable batteries
  Batteries placed on the market from 18 Aug 2024 carry CE with an EU declaration of conformity
  under Regulation (EU) 2023/1542. From 18 Feb 2027 portable batteries built into appliances must
  be removable and replaceable by the end user (limited derogations; brief: M, secondary sources).
  The labels (collection symbol from 18 Aug 2025, general label from 18 Aug 2026, QR code from 18
  Feb 2027) are on the battery and cannot be seen in listing data; producer registration per
  Member State is a seller-profile fact (see DE.BATTDG).

  @EU.CE.BATT_NOT_CITED
  Scenario: CE without the Batteries Regulation
    Given a listing for market "DE" titled "Rechargeable battery AA 2000 mAh, 4 pack" with:
      """
      batteries:
      - {chemistry: nimh, packing: alone, count: 4, capacity_mah: 2000, voltage_v: 1.2}
      certifications:
      - type: CE
        legislation: [2006/66/EC]
      registrations: {battery_de: "DE 21234567"}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                 | severity | market | field                       |
      | EU.CE.BATT_NOT_CITED | review   | DE     | batteries[0].packing, title |

  @EU.CE.BATT_NOT_CITED
  Scenario: Akku with no certifications
    Given a listing for market "DE" titled "Ersatzakku 3.7 V 2500 mAh"
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                 | severity | market | field |
      | EU.CE.BATT_NOT_CITED | review   | DE     | title |

  @EU.CE.BATT_NOT_CITED
  Scenario: Battery charger is not a battery (no finding of this rule)
    Given a listing for market "DE" titled "Battery charger for AA and AAA"
    When it is screened as of "2026-11-25"
    Then there are no findings

  @EU.CE.BATT_NOT_CITED
  Scenario: The day before CE applied to batteries (no finding of this rule)
    Given a listing for market "DE" titled "Rechargeable battery AA 2000 mAh, 4 pack" with:
      """
      batteries:
      - {chemistry: nimh, packing: alone, count: 4, capacity_mah: 2000, voltage_v: 1.2}
      registrations: {battery_de: "DE 21234567"}
      """
    When it is screened as of "2024-08-17"
    Then there are no findings

  @EU.CE.BATT_NOT_REMOVABLE
  Scenario: Sealed battery in earbuds
    Given a listing for market "DE" titled "Wireless earbuds" with:
      """
      batteries:
      - {chemistry: li-ion, packing: in_equipment, removable: false}
      certifications:
      - type: CE
        legislation: [(EU) 2023/1542]
      registrations: {battery_de: "DE 21234567"}
      """
    When it is screened as of "2027-02-18"
    Then the findings are exactly:
      | rule                     | severity | market | field                                        |
      | EU.CE.BATT_NOT_REMOVABLE | review   | DE     | batteries[0].packing, batteries[0].removable |

  @EU.CE.BATT_NOT_REMOVABLE
  Scenario: Packing not given
    Given a listing for market "DE" titled "Electric toothbrush" with:
      """
      batteries:
      - {chemistry: li-ion, removable: false}
      certifications:
      - type: CE
        legislation: [(EU) 2023/1542]
      registrations: {battery_de: "DE 21234567"}
      """
    When it is screened as of "2027-06-01"
    Then the findings are exactly:
      | rule                     | severity | market | field                                        |
      | EU.CE.BATT_NOT_REMOVABLE | review   | DE     | batteries[0].packing, batteries[0].removable |

  @EU.CE.BATT_NOT_REMOVABLE
  Scenario: The day before (no finding of this rule)
    Given a listing for market "DE" titled "Wireless earbuds" with:
      """
      batteries:
      - {chemistry: li-ion, packing: in_equipment, removable: false}
      certifications:
      - type: CE
        legislation: [(EU) 2023/1542]
      registrations: {battery_de: "DE 21234567"}
      """
    When it is screened as of "2027-02-17"
    Then there are no findings

  @EU.CE.BATT_NOT_REMOVABLE
  Scenario: Removable battery (no finding of this rule)
    Given a listing for market "DE" titled "Cordless drill" with:
      """
      batteries:
      - {chemistry: li-ion, packing: with_equipment, removable: true}
      certifications:
      - type: CE
        legislation: [(EU) 2023/1542]
      registrations: {battery_de: "DE 21234567"}
      """
    When it is screened as of "2027-06-01"
    Then the findings are exactly:
      | rule                                 | severity | market | field                         |
      | EU.CE.MACHINERY_REGULATION_NOT_CITED | review   | DE     | certifications[0].type, title |

  @EU.CE.BATT_BUILT_IN_NOT_CITED
  Scenario: A speaker with a built-in battery whose CE cites RED and RoHS only
    Given a listing for market "DE" titled "Bluetooth speaker 10 W" with:
      """
      registrations: {battery_de: "DE 21234567", weee_de: "WEEE-Reg.-Nr. DE 12345678"}
      batteries:
      - {chemistry: li-ion, packing: in_equipment, count: 1}
      certifications:
      - type: CE
        legislation: [2014/53/EU, 2011/65/EU]
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                          | severity | market | field                                          |
      | EU.CE.BATT_BUILT_IN_NOT_CITED | review   | DE     | batteries[0].packing, certifications[0].type |

  @EU.CE.BATT_BUILT_IN_NOT_CITED
  Scenario: The same speaker citing the Batteries Regulation too
    Given a listing for market "DE" titled "Bluetooth speaker 10 W" with:
      """
      registrations: {battery_de: "DE 21234567", weee_de: "WEEE-Reg.-Nr. DE 12345678"}
      batteries:
      - {chemistry: li-ion, packing: in_equipment, count: 1}
      certifications:
      - type: CE
        legislation: [2014/53/EU, 2011/65/EU, (EU) 2023/1542]
      """
    When it is screened as of "2026-11-25"
    Then there are no findings
    And rule "EU.CE.BATT_BUILT_IN_NOT_CITED" does not fire
