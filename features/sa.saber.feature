Feature: sa.saber - Saudi Arabia - SABER Shipment Certificate of Conformity for every import consignment
  Under SASO's SALEEM programme every import consignment into Saudi Arabia needs a Shipment
  Certificate of Conformity (SCoC) issued through the SABER platform; regulated products (SASO
  technical regulations, found by the 12-digit HS code) first need a Product Certificate of
  Conformity from a SASO-notified body. From 1 Jan 2025 the undertaking letters that low-risk goods
  could use reportedly ended. The brief is M (the official SASO page was not seen) and L on
  exemptions for personal e-commerce parcels, so a shipment without an SCoC is a review, not a
  block: a small personal parcel may be exempt. The SCoC is a licences entry of type saber_scoc.

  @SA.SABER.SCOC_MISSING
  Scenario: Shipment to Saudi Arabia without a SABER Shipment Certificate of Confo: no licences at all
    Given a shipment from "CN" to "SA" with:
      """
      origin_country: CN
      destination_country: SA
      mode: express
      consignee: {name: Fatimah Al-Harbi, address: King Fahd Road 300, city: Riyadh, country: SA}
      items:
      - description: Ceramic coffee mugs 350 ml
        hs_code: '691200'
        quantity: 4
        value: {amount: 32, currency: SAR}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                  | severity | market | field |
      | SA.SABER.SCOC_MISSING | review   | SA     | -     |

  @SA.SABER.SCOC_MISSING
  Scenario: Shipment to Saudi Arabia without a SABER Shipment Certificate of Confo: only an export licence
    Given a shipment from "CN" to "SA" with:
      """
      origin_country: CN
      destination_country: SA
      mode: express
      consignee: {name: Fatimah Al-Harbi, address: King Fahd Road 300, city: Riyadh, country: SA}
      items:
      - description: Ceramic coffee mugs 350 ml
        hs_code: '691200'
        quantity: 4
        value: {amount: 32, currency: SAR}
      licences:
      - {type: export_licence, number: EL-1, issuing_country: CN}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                  | severity | market | field |
      | SA.SABER.SCOC_MISSING | review   | SA     | -     |

  @SA.SABER.SCOC_MISSING
  Scenario: SCoC given (no finding of SA.SABER.SCOC_MISSING)
    Given a shipment from "CN" to "SA" with:
      """
      origin_country: CN
      destination_country: SA
      mode: express
      consignee: {name: Fatimah Al-Harbi, address: King Fahd Road 300, city: Riyadh, country: SA}
      items:
      - description: Ceramic coffee mugs 350 ml
        hs_code: '691200'
        quantity: 4
        value: {amount: 32, currency: SAR}
      licences:
      - {type: saber_scoc, number: SCoC-2026-1102-77881, issuing_authority: SASO, issuing_country: SA}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @SA.SABER.SCOC_MISSING
  Scenario: near miss - the day before undertaking letters ended (no finding of SA.SABER.SCOC_MISSING)
    Given a shipment from "CN" to "SA" with:
      """
      origin_country: CN
      destination_country: SA
      mode: express
      consignee: {name: Fatimah Al-Harbi, address: King Fahd Road 300, city: Riyadh, country: SA}
      items:
      - description: Ceramic coffee mugs 350 ml
        hs_code: '691200'
        quantity: 4
        value: {amount: 32, currency: SAR}
      """
    When it is screened as of "2024-12-31"
    Then there are no findings
