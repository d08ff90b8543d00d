Feature: de.epr-registrations - Germany - EPR registration numbers an offer carries (WEEE-Reg.-Nr., LUCID, battery registration)
  Electrical and electronic equipment offered in Germany shows the producer's stiftung ear
  number (WEEE-Reg.-Nr. DE plus 8 digits, ElektroG section 6(3)); marketplaces must not enable
  offers of unregistered producers since 1 July 2023. Packaging that reaches consumers needs a
  LUCID registration (DE plus 13 digits), which marketplaces check since 1 July 2022 but which no
  provision requires in the offer, so a missing number warns. Batteries, built-in ones included,
  need a stiftung ear registration under the BattDG (from 7 October 2025; registrations not
  completed by 15 January 2026 lapsed as of 1 January 2026). Whether a number is registered is
  not in the listing.

  @DE.ELEKTROG.WEEE_MISSING
  Scenario: A kettle offered without the WEEE number goes to review
    Given a listing for market "DE" titled "Wasserkocher 1,7 l, 2200 W" with:
      """
      attributes: {electrical: true}
      certifications:
      - type: CE
        legislation: [2014/35/EU, 2014/30/EU, 2011/65/EU]
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                     | severity | market | field                                         |
      | DE.ELEKTROG.WEEE_MISSING | review   | DE     | attributes.electrical, registrations.weee_de |

  @DE.ELEKTROG.WEEE_MISSING
  Scenario: The same kettle with its number shown (no finding)
    Given a listing for market "DE" titled "Wasserkocher 1,7 l, 2200 W" with:
      """
      attributes: {electrical: true}
      certifications:
      - type: CE
        legislation: [2014/35/EU, 2014/30/EU, 2011/65/EU]
      registrations: {weee_de: "WEEE-Reg.-Nr. DE 12345678"}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @DE.ELEKTROG.WEEE_MISSING
  Scenario: A ceramic pot is not electrical equipment (no finding)
    Given a listing for market "DE" titled "Pflanztopf aus Steinzeug, 15 cm" with:
      """
      attributes: {electrical: false}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @DE.ELEKTROG.WEEE_MISSING_2015
  Scenario: Before the marketplace duty, the producer's duty to show the number applied
    Given a listing for market "DE" titled "Wasserkocher 1,7 l, 2200 W" with:
      """
      attributes: {electrical: true}
      certifications:
      - type: CE
        legislation: [2014/35/EU, 2014/30/EU, 2011/65/EU]
      """
    When it is screened as of "2022-05-01"
    Then the findings are exactly:
      | rule                          | severity | market | field                                         |
      | DE.ELEKTROG.WEEE_MISSING_2015 | review   | DE     | attributes.electrical, registrations.weee_de |

  @DE.ELEKTROG.WEEE_MALFORMED
  Scenario: A WEEE number with seven digits is not a stiftung ear number
    Given a listing for market "DE" titled "Wasserkocher 1,7 l, 2200 W" with:
      """
      attributes: {electrical: true}
      certifications:
      - type: CE
        legislation: [2014/35/EU, 2014/30/EU, 2011/65/EU]
      registrations: {weee_de: "WEEE-Reg.-Nr. DE 1234567"}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                       | severity | market | field                 |
      | DE.ELEKTROG.WEEE_MALFORMED | review   | DE     | registrations.weee_de |

  @DE.ELEKTROG.WEEE_MALFORMED
  Scenario: The bare number without the label is well formed (no finding)
    Given a listing for market "DE" titled "Wasserkocher 1,7 l, 2200 W" with:
      """
      attributes: {electrical: true}
      certifications:
      - type: CE
        legislation: [2014/35/EU, 2014/30/EU, 2011/65/EU]
      registrations: {weee_de: DE12345678}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @DE.VERPACKG.LUCID_MISSING
  Scenario: Packaging declared without a LUCID number warns
    Given a listing for market "DE" titled "Pflanztopf aus Steinzeug, 15 cm" with:
      """
      attributes: {electrical: false, packaging: true}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                      | severity | market | field                                           |
      | DE.VERPACKG.LUCID_MISSING | warn     | DE     | attributes.packaging, registrations.lucid_de |

  @DE.VERPACKG.LUCID_MISSING
  Scenario: The day before marketplaces had to check LUCID (no finding)
    Given a listing for market "DE" titled "Pflanztopf aus Steinzeug, 15 cm" with:
      """
      attributes: {electrical: false, packaging: true}
      """
    When it is screened as of "2022-06-30"
    Then there are no findings

  @DE.VERPACKG.LUCID_MALFORMED
  Scenario: A LUCID number with twelve digits goes to review
    Given a listing for market "DE" titled "Pflanztopf aus Steinzeug, 15 cm" with:
      """
      attributes: {electrical: false, packaging: true}
      registrations: {lucid_de: DE471234567890}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                        | severity | market | field                  |
      | DE.VERPACKG.LUCID_MALFORMED | review   | DE     | registrations.lucid_de |

  @DE.VERPACKG.LUCID_MALFORMED
  Scenario: DE and 13 digits, labelled (no finding)
    Given a listing for market "DE" titled "Pflanztopf aus Steinzeug, 15 cm" with:
      """
      attributes: {electrical: false, packaging: true}
      registrations: {lucid_de: "LUCID: DE4712345678901"}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @DE.BATTDG.REGISTRATION_MISSING
  Scenario: Rechargeable batteries without a battery registration number warn
    Given a listing for market "DE" titled "Mignon-Akkus AA 2000 mAh, 4 Stück" with:
      """
      batteries: [{chemistry: nimh, packing: alone, count: 4, capacity_mah: 2000}]
      certifications:
      - type: CE
        legislation: [(EU) 2023/1542]
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                           | severity | market | field                                 |
      | DE.BATTDG.REGISTRATION_MISSING | warn     | DE     | batteries, registrations.battery_de |

  @DE.BATTDG.REGISTRATION_MISSING
  Scenario: A remote control sold without its batteries needs no battery number (no finding)
    Given a listing for market "DE" titled "Fernbedienung für Deckenventilator" with:
      """
      attributes: {electrical: true, battery: other, battery_included: false}
      certifications:
      - type: CE
        legislation: [2014/30/EU, 2011/65/EU]
      registrations: {weee_de: "WEEE-Reg.-Nr. DE 12345678"}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @DE.BATTDG.REGISTRATION_MISSING_2025
  Scenario: In the BattDG's first months the same check applies
    Given a listing for market "DE" titled "Mignon-Akkus AA 2000 mAh, 4 Stück" with:
      """
      batteries: [{chemistry: nimh, packing: alone, count: 4, capacity_mah: 2000}]
      certifications:
      - type: CE
        legislation: [(EU) 2023/1542]
      """
    When it is screened as of "2025-11-15"
    Then the findings are exactly:
      | rule                                | severity | market | field                                 |
      | DE.BATTDG.REGISTRATION_MISSING_2025 | warn     | DE     | batteries, registrations.battery_de |

  @DE.BATTDG.REGISTRATION_MISSING_2025
  Scenario: The day before the BattDG came into force (no finding)
    Given a listing for market "DE" titled "Mignon-Akkus AA 2000 mAh, 4 Stück" with:
      """
      batteries: [{chemistry: nimh, packing: alone, count: 4, capacity_mah: 2000}]
      certifications:
      - type: CE
        legislation: [(EU) 2023/1542]
      """
    When it is screened as of "2025-10-06"
    Then there are no findings
